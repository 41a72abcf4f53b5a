"use server";

import type { ActionResult } from "@/lib/actions/action";
import { publicAction } from "@/lib/actions/public-action";
import { db } from "@/lib/db";
import { formTooLarge } from "@/lib/intake/intake-form-size";
import { companyIntakeSchema, personIntakeSchema } from "@/lib/intake/intake.schema";
import { submitCompanyRequest, submitPersonRequest, type IntakeOutcome } from "@/lib/intake/intake.service";

const company = publicAction({ schema: companyIntakeSchema }, async (input, ip) => submitCompanyRequest(db, input, ip));
const person = publicAction({ schema: personIntakeSchema }, async (input, ip) => submitPersonRequest(db, input, ip));

const TOO_LARGE: ActionResult<IntakeOutcome> = { ok: false, message: "Votre demande est trop longue : raccourcissez-la, ou appelez le numéro vert." };

export async function companyIntakeAction(prev: ActionResult<IntakeOutcome> | null, formData: FormData) {
  if (formTooLarge(formData)) return TOO_LARGE;
  return company(prev, formData);
}
export async function personIntakeAction(prev: ActionResult<IntakeOutcome> | null, formData: FormData) {
  if (formTooLarge(formData)) return TOO_LARGE;
  return person(prev, formData);
}
