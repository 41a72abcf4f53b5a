// Response shapes of the subsidy API (OpenAPI document). Amounts are integer cents.
import { z } from "zod";
import { SUBSIDY_STATUSES, TRANSITIONS } from "@/lib/subsidy/subsidy-workflow.rules";

const cents = z.number().int();
const step = z.object({ label: z.string(), amountCents: cents, text: z.string() });

export const budgetLineDtoSchema = z.object({
  id: z.uuid(),
  category: z.string(),
  label: z.string(),
  eligible: z.boolean(),
  counted: z.boolean().describe("Compte dans les dépenses éligibles (déclarée éligible ET catégorie éligible)"),
  forecastCents: cents,
  actualCents: cents.nullable(),
  gapExplanation: z.string().nullable(),
  gapToExplain: z.boolean(),
  version: z.number().int(),
});

export const trancheDtoSchema = z.object({
  id: z.uuid(),
  rank: z.number().int(),
  label: z.string(),
  shareBp: z.number().int(),
  amountCents: cents,
  condition: z.string().nullable(),
  dueAt: z.string().nullable(),
  status: z.string().describe("PLANNED (prévue), DUE (exigible : conditions remplies), REQUESTED (demandée), PAID, CANCELLED"),
  paidCents: cents,
  conditions: z.array(z.object({ document: z.string(), label: z.string(), met: z.boolean(), at: z.string().nullable() })).describe("Pièces requises par le jeu de règles"),
  claimedAt: z.string().nullable(),
});

export const refundOrderDtoSchema = z.object({
  id: z.uuid(), number: z.string(), amountCents: cents, issuedAt: z.string(), dueAt: z.string(), reason: z.string(),
  status: z.enum(["ISSUED", "PAID", "CANCELLED"]), paidAt: z.string().nullable(), version: z.number().int(),
});
export const refundOrderCreatedSchema = z.object({ id: z.uuid(), number: z.string() });
export const trancheClaimResultSchema = z.object({ status: z.string() });

export const paymentDtoSchema = z.object({ id: z.uuid(), amountCents: cents, paidAt: z.string(), reference: z.string().nullable(), trancheRank: z.number().int().nullable() });

export const historyEntrySchema = z.object({
  id: z.uuid(),
  at: z.string(),
  transition: z.enum(TRANSITIONS),
  fromStatus: z.enum(SUBSIDY_STATUSES),
  toStatus: z.enum(SUBSIDY_STATUSES),
  comment: z.string().nullable(),
  actor: z.string().nullable(),
});

export const subsidyFileDetailSchema = z.object({
  id: z.uuid(),
  year: z.number().int(),
  funder: z.enum(["REGION", "FRANCE_TRAVAIL"]),
  status: z.enum(SUBSIDY_STATUSES),
  statusLabel: z.string(),
  version: z.number().int(),
  platform: z.object({ id: z.uuid(), name: z.string() }),
  staffEtp: z.number(),
  requestedCents: cents,
  territoryCofundingCents: cents,
  otherCofundingCents: cents,
  awardedCents: cents.nullable(),
  deliberationNumber: z.string().nullable(),
  deliberationDate: z.string().nullable(),
  signedAt: z.string().nullable(),
  ruleSetId: z.uuid(),
  lines: z.array(budgetLineDtoSchema),
  computation: z.object({
    grantCents: cents,
    eligibleCents: cents,
    totalCents: cents,
    capCents: cents.nullable(),
    steps: z.array(step),
    warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  }),
  tranches: z.array(trancheDtoSchema),
  payments: z.array(paymentDtoSchema),
  paidCents: cents,
  finalBalance: z.object({ finalCents: cents, balanceCents: cents, outcome: z.enum(["LAST_PAYMENT", "REFUND", "NONE"]), steps: z.array(step) }).nullable(),
  history: z.array(historyEntrySchema),
  transitions: z.array(z.enum(TRANSITIONS)).describe("Étapes que l'appelant peut effectuer maintenant"),
});

export const idResponseSchema = z.object({ id: z.uuid() });
export const transitionResultSchema = z.object({ status: z.enum(SUBSIDY_STATUSES), version: z.number().int() });
export const paymentResultSchema = z.object({ id: z.uuid(), paidCents: cents });

export const openDataQuerySchema = z.object({ format: z.enum(["json", "csv"]).default("json") });
/** One row of the SCDL « subventions » schema (version SCDL_VERSION), with its JSON types. */
export const scdlRecordSchema = z.object({
  nomAttribuant: z.string(),
  idAttribuant: z.string().regex(/^\d{14}$/).describe("SIRET de l'attribuant (clé de Luhn vérifiée dans le jeu de règles)"),
  dateConvention: z.iso.date().describe("Date de signature de la convention (AAAA-MM-JJ)"),
  referenceDecision: z.string().nullable(),
  nomBeneficiaire: z.string(),
  idBeneficiaire: z.string().nullable(),
  rnaBeneficiaire: z.string().nullable(),
  objet: z.string().max(256),
  montant: z.number().describe("Montant attribué en euros"),
  nature: z.enum(["aide en numéraire"]),
  conditionsVersement: z.enum(["unique", "échelonné"]),
  datesPeriodeVersement: z.string().regex(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/).describe("Date (AAAA-MM-JJ) ou période « début/fin » (ISO 8601)"),
  idRAE: z.string().nullable(),
  notificationUE: z.boolean(),
  pourcentageSubvention: z.number().min(0.01).max(1).describe("Part de la subvention versée à ce bénéficiaire (1 : bénéficiaire unique)"),
  dispositifAide: z.string().nullable(),
});
export const openDataResponseSchema = z.object({
  records: z.array(scdlRecordSchema).describe("Format SCDL « subventions » 2.1.1 (décret 2017-779)"),
  unconfigured: z.number().int().describe("Conventions non publiables faute de seuil ou d'attribuant dans leur jeu de règles"),
});

export const receiptDtoSchema = z.object({
  id: z.uuid(),
  kind: z.enum(["PAYSLIP", "EXPENSE_NOTE", "INVOICE", "OTHER"]),
  fileName: z.string(),
  mimeType: z.enum(["application/pdf", "image/jpeg", "image/png"]),
  sizeBytes: z.number().int(),
  budgetLineId: z.uuid().nullable(),
  trancheId: z.uuid().nullable(),
  createdAt: z.string(),
});
/** Documentation of the multipart body (the route reads FormData). */
export const receiptUploadSchema = z.object({
  file: z.string().describe("Fichier (multipart/form-data)"),
  kind: z.enum(["PAYSLIP", "EXPENSE_NOTE", "INVOICE", "OTHER"]),
  budgetLineId: z.uuid().optional(),
  trancheId: z.uuid().optional(),
});
