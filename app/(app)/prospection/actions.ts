"use server";

import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { companyFromRegister, dismissProspect } from "@/lib/prospecting/prospect.service";

const target = { platformId: z.string().uuid("Plateforme invalide."), siret: z.string().regex(/^\d{14}$/, "SIRET invalide.") };

const plan = serverAction({ permission: "visit.write", schema: z.object(target) }, async (user, input) => ({
  companyId: await companyFromRegister(db, user, input.platformId, input.siret),
}));

const dismiss = serverAction(
  { permission: "company.write", schema: z.object({ ...target, reason: z.string().trim().min(3, "Indiquez pourquoi (3 caractères au moins).").max(500, "500 caractères au plus.") }) },
  async (user, input) => {
    await dismissProspect(db, user, input.platformId, input.siret, input.reason);
    return undefined;
  },
);

/** « Planifier une visite » : creates (or finds) the company from the register; the client then opens the visit form. */
export async function planVisitFromRegisterAction(...args: Parameters<typeof plan>) {
  return plan(...args);
}

/** « Écarter » with a reason. */
export async function dismissProspectAction(...args: Parameters<typeof dismiss>) {
  return dismiss(...args);
}
