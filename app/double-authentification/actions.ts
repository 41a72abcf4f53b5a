"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { confirmEnrolment } from "@/lib/auth/two-factor.service";
import { db } from "@/lib/db";

const schema = z.object({ code: z.string().trim().regex(/^\d{3}\s?\d{3}$/, { error: "Saisissez le code à 6 chiffres affiché par l'application." }) });

const confirm = serverAction({ permission: "twoFactor.enrol", schema }, async (user, { code }) => ({ recoveryCodes: await confirmEnrolment(db, user, code) }));

export async function confirmTwoFactorAction(...args: Parameters<typeof confirm>) {
  return confirm(...args);
}
