// Response shapes of the subsidy API (OpenAPI document). Amounts are integer cents.
import { z } from "zod";
import { dayOut, instantOut } from "@/lib/api/common.schema";
import { FILE_EVENTS, SUBSIDY_STATUSES, TRANSITIONS } from "@/lib/subsidy/subsidy-workflow.rules";

import { FT_BREACHES, type FtBreach } from "@/lib/subsidy/tranche.rules";
import { RECEIPT_KIND_CODES } from "@/lib/subsidy/receipt.rules";
import { PRODUCT_KINDS } from "@/lib/subsidy/financial-report.rules";
import { activityBilanDtoSchema, annualRequestDtoSchema } from "@/lib/subsidy/annual-request.schema";

const FT_BREACH_CODES = Object.keys(FT_BREACHES) as [FtBreach, ...FtBreach[]];

const cents = z.number().int();
/** A calendar day (the project's day convention: the date as written, no time zone). */
const day = dayOut();
/** An instant, ISO 8601 in UTC. */
const instant = instantOut();
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
  dueAt: day.nullable(),
  status: z.string().describe("PLANNED (prévue), DUE (exigible : conditions remplies), REQUESTED (demandée), PAID, CANCELLED"),
  paidCents: cents,
  conditions: z.array(z.object({ document: z.string(), label: z.string(), met: z.boolean(), at: day.nullable() })).describe("Pièces requises par le jeu de règles"),
  claimedAt: instant.nullable(),
});

export const refundOrderDtoSchema = z.object({
  id: z.uuid(), number: z.string(), amountCents: cents, issuedAt: day, dueAt: day, reason: z.string(),
  status: z.enum(["ISSUED", "PAID", "CANCELLED"]), paidAt: day.nullable(), version: z.number().int(),
});
export const refundOrderCreatedSchema = z.object({ id: z.uuid(), number: z.string() });
export const trancheClaimResultSchema = z.object({ status: z.string() });

export const paymentDtoSchema = z.object({
  id: z.uuid(), amountCents: cents, paidAt: day, reference: z.string().nullable(), trancheRank: z.number().int().nullable(),
  overrideReason: z.string().nullable().describe("Motif d'un versement fait malgré des pièces manquantes (conditions de la tranche, bilan d'activité)"),
});

export const historyEntrySchema = z.object({
  id: z.uuid(),
  at: instant,
  transition: z.enum([...TRANSITIONS, ...FILE_EVENTS]).describe("Étape du circuit, ou événement sans changement de statut (tranche demandée, versement, reversement, manquement, mise en demeure)"),
  fromStatus: z.enum(SUBSIDY_STATUSES),
  toStatus: z.enum(SUBSIDY_STATUSES),
  comment: z.string().nullable(),
  actor: z.string().nullable(),
});

// ───────────── issue 22 §4 — compte rendu financier / indicateurs ─────────────

export const productLineDtoSchema = z.object({
  kind: z.enum(PRODUCT_KINDS),
  label: z.string(),
  forecastCents: cents.describe("Prévu au plan de financement (subvention Région : montant attribué, sinon demandé)"),
  actualCents: cents.nullable(),
  gapExplanation: z.string().nullable(),
  version: z.number().int().describe("0 : ligne jamais saisie"),
  gapToExplain: z.boolean().describe("Écart au-delà du seuil du jeu de règles sans explication"),
});

export const financialReportDtoSchema = z.object({
  products: z.array(productLineDtoSchema),
  totals: z.object({
    chargesForecastCents: cents, chargesActualCents: cents, productsForecastCents: cents, productsActualCents: cents,
    resultForecastCents: cents.describe("Produits − charges prévus"), resultActualCents: cents.describe("Produits − charges réalisés"),
  }),
  warnings: z.array(z.string()).describe("Points d'attention (part du territoire réalisée, art. 4.1) ; le solde n'en dépend pas"),
  annexes: z.array(z.object({ id: z.uuid(), fileName: z.string(), sizeBytes: z.number().int(), createdAt: instant })).describe("Annexe qualitative (documents QUALITATIVE_ANNEX)"),
  completeness: z.object({ complete: z.boolean(), missing: z.array(z.string()) }),
  canEditProducts: z.boolean(),
});

export const conventionIndicatorDtoSchema = z.object({
  key: z.string(), label: z.string(), unit: z.string(), family: z.string(), target: z.number().int(), version: z.number().int(),
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
  deliberationDate: day.nullable(),
  signedAt: day.nullable(),
  ruleSetId: z.uuid(),
  reviewerId: z.uuid().nullable().describe("Relecteur France Travail assigné"),
  categories: z.array(z.object({ code: z.string(), label: z.string(), eligible: z.boolean() })).describe("Catégories de dépenses du jeu de règles"),
  lines: z.array(budgetLineDtoSchema),
  computation: z.object({
    funder: z.enum(["REGION", "FRANCE_TRAVAIL"]),
    rateBp: z.number().int().describe("Taux appliqué, en points de base (10 000 = 100 %)"),
    atRateCents: cents.describe("Dépenses éligibles × taux, avant plafond"),
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
  milestones: z.object({
    startAttestationAt: day.nullable(), intermediateReportAt: day.nullable(), finalReportAt: day.nullable(), finalReviewMeetingAt: day.nullable(),
    financialReportReceivedAt: day.nullable(), teamRecruitedAt: day.nullable(), formalNoticeAt: day.nullable(),
    activityBilanReceivedAt: day.nullable().describe("Bilan d'activité de la plateforme reçu le (cadre d'intervention §5 : condition du paiement)"),
  }).describe("Dates des pièces et étapes de la convention"),
  annualRequest: annualRequestDtoSchema.nullable().describe("Demande annuelle d'un dossier Région (convention cadre art. 5) ; null pour France Travail"),
  activityBilan: activityBilanDtoSchema,
  canRecordMilestones: z.boolean(),
  termination: z.object({
    mode: z.string().nullable(), modeLabel: z.string().nullable(), noticeAt: day.nullable(), effectiveAt: day.nullable(), restitutionCents: cents.nullable(),
    substantialChangeAt: day.nullable(), lapsedAt: day.nullable(), suspension: z.string().nullable(), modes: z.array(z.object({ value: z.string(), label: z.string() })),
  }).describe("Résiliation (FT art. 14, convention cadre Région art. 11), modification substantielle (FT art. 8), caducité"),
  deMinimis: z.object({
    windowStart: instant, previousCents: cents, totalCents: cents, ceilingCents: cents, exceeded: z.boolean(), message: z.string(),
  }).nullable().describe("Avant l'attribution : aides de minimis à la même structure sur la période glissante"),
  canEditBudget: z.boolean(),
  canEditActuals: z.boolean(),
  canPay: z.boolean(),
  canClaim: z.boolean(),
  withholding: z.object({
    stage: z.enum(["NONE", "REPORT_LATE", "NOTICE_PENDING", "WITHHOLDING", "RATE_UNSET"]), withheldCents: cents, appliesFrom: instant.nullable(), message: z.string(),
  }).describe("Retenue pour bilan financier en retard"),
  ftBreach: z.enum(FT_BREACH_CODES).nullable(),
  ftMisusedCents: cents.nullable(),
  penalty: z.object({
    breach: z.enum(FT_BREACH_CODES), refundCents: cents, surchargeBp: z.number().int(), surchargeCents: cents, totalCents: cents, termination: z.boolean(), steps: z.array(z.string()),
  }).nullable().describe("Manquement France Travail : reversement et majoration"),
  penaltyRulesMissing: z.boolean(),
  canRecordBreach: z.boolean(),
  refundableCents: cents,
  refundOrders: z.array(refundOrderDtoSchema),
  canIssueRefund: z.boolean(),
  // issue 22 §4 — compte rendu financier / indicateurs.
  financialReport: financialReportDtoSchema.nullable().describe("Compte rendu financier d'une convention Région signée (convention cadre art. 7.3) ; null sinon"),
  conventionIndicators: z.array(conventionIndicatorDtoSchema).nullable().describe("Indicateurs du catalogue suivis par la convention annuelle Région, avec leur cible (art. 3.1 et 5) ; null pour France Travail"),
  canChooseIndicators: z.boolean().describe("L'appelant peut choisir les indicateurs de la convention (permission objective.write)"),
  indicatorAmendments: z.array(z.object({ id: z.uuid(), label: z.string() })).nullable()
    .describe("Convention Région signée : avenants enregistrés sur le dossier, dont l'un doit être cité (amendmentEventId) pour changer ses indicateurs ; null avant la signature et pour France Travail"),
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
  kind: z.enum(RECEIPT_KIND_CODES),
  fileName: z.string(),
  mimeType: z.enum(["application/pdf", "image/jpeg", "image/png"]),
  sizeBytes: z.number().int(),
  budgetLineId: z.uuid().nullable(),
  trancheId: z.uuid().nullable(),
  createdAt: instant,
});
/** Documentation of the multipart body (the route reads FormData). */
export const receiptUploadSchema = z.object({
  file: z.string().describe("Fichier (multipart/form-data)"),
  kind: z.enum(RECEIPT_KIND_CODES).describe("QUALITATIVE_ANNEX : annexe qualitative du compte rendu financier (Région, art. 7.3), jointe au dossier ; PREVIOUS_YEAR_BILAN : bilan d'activité de l'année précédente, joint à la demande annuelle (art. 4.1)"),
  budgetLineId: z.uuid().optional(),
  trancheId: z.uuid().optional(),
});
