import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { GOVERNANCE_KINDS } from "@/lib/governance/governance.rules";
import { pageQuerySchema } from "@/lib/validation";

const day = z.iso.date({ error: "Date invalide (AAAA-MM-JJ)." });

export const governanceListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(GOVERNANCE_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  sort: z.enum(["date", "-date", "kind", "-kind"]).default("-date"),
});
export type GovernanceListQuery = z.infer<typeof governanceListQuerySchema>;

export const governanceMeetingSchema = z.object({
  id: z.string().uuid(),
  platformId: z.string().uuid(),
  platform: z.string(),
  kind: z.enum(GOVERNANCE_KINDS),
  date: instantOut("Jour de la réunion, à minuit UTC (convention des jours du projet)"),
  attendees: z.array(z.string()),
  decisions: z.string().nullable(),
  version: z.number().int(),
});
export type GovernanceMeetingDto = z.infer<typeof governanceMeetingSchema>;

/** Attendees come one per line from the form, as an array from the API. */
const attendees = z.preprocess(
  (v) => (typeof v === "string" ? v.split("\n").map((s) => s.trim()).filter(Boolean) : v),
  z
    .array(z.string().trim().min(1).max(200, "200 caractères au plus par participant."))
    .min(1, "Indiquez au moins un participant.")
    .max(60, "60 participants au plus."),
);

export const governanceInputSchema = z.object({
  kind: z.enum(GOVERNANCE_KINDS, { error: "Choisissez le type de réunion." }),
  date: day,
  attendees,
  decisions: z.string().trim().max(5000, "5 000 caractères au plus.").optional(),
});
export type GovernanceInput = z.output<typeof governanceInputSchema>;

export const updateGovernanceSchema = governanceInputSchema.partial().extend({ version: z.number().int().positive().max(2_147_483_647) });
export type UpdateGovernanceInput = z.output<typeof updateGovernanceSchema>;

export const governanceProgressSchema = z.object({
  kind: z.enum(GOVERNANCE_KINDS),
  label: z.string(),
  held: z.number().int(),
  required: z.number().int().nullable(),
  max: z.number().int().nullable(),
  met: z.boolean(),
  percent: z.number().int(),
});
