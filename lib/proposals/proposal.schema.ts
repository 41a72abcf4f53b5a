import { cursorQuerySchema } from "@/lib/pagination/keyset";
import { instantOut } from "@/lib/api/common.schema";
import { z } from "zod";
import { parseInstant } from "@/lib/fields.schema";
import { CONTRACT_TYPES, PROPOSAL_KINDS, PROPOSAL_STATUSES } from "@/lib/proposals/proposal.rules";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optDate = (label: string) =>
  z.preprocess((v) => (v === "" || v == null ? null : typeof v === "string" ? parseInstant(v) : v), z.date({ error: `${label} : date invalide.` }).nullable().optional());

export const createProposalSchema = z
  .object({
    jobSeekerId: z.uuid("Demandeur d'emploi invalide."),
    kind: z.enum(PROPOSAL_KINDS, { error: "Type de proposition invalide." }),
    offerId: z.preprocess(blankToNull, z.uuid("Offre invalide.").nullable().optional()),
    label: z.preprocess(blankToNull, z.string().trim().max(200, "200 caractères au maximum.").nullable().optional()),
    /** Circuit-court event where the positioning was made (counted in the event's results). */
    eventId: z.preprocess(blankToNull, z.uuid("Événement invalide.").nullable().optional()),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "JOB" && !v.offerId) ctx.addIssue({ code: "custom", path: ["offerId"], message: "Choisissez l'offre d'emploi." });
    if (v.kind !== "JOB" && !v.label) ctx.addIssue({ code: "custom", path: ["label"], message: "Indiquez la formation ou l'accompagnement proposé." });
  });
export type CreateProposalInput = z.infer<typeof createProposalSchema>;

/** A status change; what each target status requires is checked by proposal.rules.ts. */
export const transitionProposalSchema = z.object({
  version: z.coerce.number({ error: "Version manquante." }).int().min(1),
  status: z.enum(PROPOSAL_STATUSES, { error: "Statut invalide." }),
  reason: z.preprocess(blankToNull, z.string().trim().max(100).nullable().optional()),
  comment: z.preprocess(blankToNull, z.string().trim().max(1000, "1000 caractères au maximum.").nullable().optional()),
  interviewAt: optDate("Date d'entretien"),
  hiredAt: optDate("Date d'embauche"),
  contractType: z.preprocess(blankToNull, z.enum(CONTRACT_TYPES, { error: "Type de contrat invalide." }).nullable().optional()),
});
export type TransitionProposalInput = z.infer<typeof transitionProposalSchema>;

export const proposalListQuerySchema = cursorQuerySchema.extend({
  jobSeekerId: z.uuid().optional(),
  offerId: z.uuid().optional(),
  status: z.enum(PROPOSAL_STATUSES).optional(),
  sort: z.enum(["proposedAt", "-proposedAt"]).default("-proposedAt"),
});
export type ProposalListQuery = z.infer<typeof proposalListQuerySchema>;

export const proposalSchema = z.object({
  id: z.uuid(),
  jobSeekerId: z.uuid(),
  kind: z.enum(PROPOSAL_KINDS),
  offerId: z.uuid().nullable(),
  label: z.string().nullable(),
  status: z.enum(PROPOSAL_STATUSES),
  reason: z.string().nullable(),
  comment: z.string().nullable(),
  proposedAt: instantOut(),
  statusChangedAt: instantOut(),
  interviewAt: instantOut().nullable(),
  hiredAt: instantOut().nullable(),
  contractType: z.enum(CONTRACT_TYPES).nullable(),
  version: z.number().int(),
});
export type ProposalDto = z.infer<typeof proposalSchema>;
