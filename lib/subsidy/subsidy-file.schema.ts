// Inputs of the subsidy-file use cases. The API speaks integer cents (`…Cents`); the forms speak
// euros typed the French way ("12 500,50") and their schemas turn them into the same cents input,
// so one service validates both. Fields the server decides (platform, status, author) are absent.
import { z } from "zod";
import { blankAsUndefined, booleanField } from "@/lib/fields.schema";
import { TRANSITIONS } from "@/lib/subsidy/subsidy-workflow.rules";

const MAX_CENTS = 100_000_000_000; // 1 milliard d'euros: beyond any platform budget, guards typos.

export const centsSchema = z
  .number({ error: "Montant en centimes attendu." })
  .int("Montant en centimes entiers.")
  .min(0, "Le montant ne peut pas être négatif.")
  .max(MAX_CENTS, "Montant trop élevé.");

/** "12 500,50 €" → 1 250 050 cents; refuses more than two decimals. */
export const eurosSchema = z
  .string()
  .trim()
  .min(1, "Indiquez un montant.")
  .transform((s, ctx) => {
    const clean = s.replace(/[\s\u00a0\u202f€]/g, "").replace(",", ".");
    if (!/^\d+(\.\d{1,2})?$/.test(clean)) {
      ctx.addIssue({ code: "custom", message: "Montant en euros, par exemple 12 500,50." });
      return z.NEVER;
    }
    const [int, dec = ""] = clean.split(".");
    const cents = Number(int) * 100 + Number(dec.padEnd(2, "0"));
    if (cents > MAX_CENTS) {
      ctx.addIssue({ code: "custom", message: "Montant trop élevé." });
      return z.NEVER;
    }
    return cents;
  });

const etpSchema = z.coerce.number({ error: "Nombre d'ETP attendu." }).min(0, "Au moins 0 ETP.").max(99, "Au plus 99 ETP.").multipleOf(0.01, "Deux décimales au plus.");
const versionSchema = z.coerce.number().int().positive();
const isoDate = z.iso.date("Date au format AAAA-MM-JJ.");
const comment = z.string().trim().max(4000, "4 000 caractères au plus.");

export const createSubsidyFileSchema = z.object({
  year: z.coerce.number({ error: "Année attendue." }).int().min(2020, "Année 2020 ou après.").max(2100, "Année invalide."),
  funder: z.enum(["REGION", "FRANCE_TRAVAIL"], { error: "Choisissez le financeur." }),
});
export type CreateSubsidyFileInput = z.infer<typeof createSubsidyFileSchema>;

/**
 * France Travail convention art. 3.2: « pour un montant prévisionnel de XXX€ …, soit XX% du montant
 * total estimé des dépenses éligibles » — the rate of each convention (basis points). France
 * Travail files only; the rule set's rate is its default.
 */
export const fundingRateBpSchema = z.number({ error: "Taux attendu." }).int().min(1, "Taux supérieur à 0 %.").max(10_000, "Taux de 100 % au plus.");

/** "62,5" (a percentage typed the French way) → 6 250 basis points. */
export const percentSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const clean = s.replace(/[\s %]/g, "").replace(",", ".");
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(clean)) {
      ctx.addIssue({ code: "custom", message: "Pourcentage, par exemple 62,5." });
      return z.NEVER;
    }
    return Math.round(Number(clean) * 100);
  })
  .pipe(fundingRateBpSchema);

export const updateSubsidyFileSchema = z.object({
  version: versionSchema,
  staffEtp: etpSchema,
  requestedCents: centsSchema,
  territoryCofundingCents: centsSchema,
  otherCofundingCents: centsSchema,
  fundingRateBp: fundingRateBpSchema.optional(),
});
export type UpdateSubsidyFileInput = z.infer<typeof updateSubsidyFileSchema>;

export const updateSubsidyFileFormSchema = z
  .object({
    version: versionSchema,
    staffEtp: etpSchema,
    requestedEuros: eurosSchema,
    territoryCofundingEuros: eurosSchema,
    otherCofundingEuros: eurosSchema,
    fundingRatePercent: z.union([percentSchema, z.literal("").transform(() => undefined)]).optional(),
  })
  .transform(({ requestedEuros, territoryCofundingEuros, otherCofundingEuros, fundingRatePercent, ...rest }) => ({
    ...rest,
    fundingRateBp: fundingRatePercent,
    requestedCents: requestedEuros,
    territoryCofundingCents: territoryCofundingEuros,
    otherCofundingCents: otherCofundingEuros,
  }));

const category = z.string().trim().regex(/^[A-Z][A-Z0-9_]*$/, "Choisissez une catégorie.");
const label = z.string().trim().min(2, "Libellé d'au moins 2 caractères.").max(200, "200 caractères au plus.");
const eligible = z.union([z.boolean(), z.enum(["true", "false", "on"]).transform((v) => v !== "false")]);

export const budgetLineSchema = z.object({ category, label, eligible, forecastCents: centsSchema });
export type BudgetLineInput = z.infer<typeof budgetLineSchema>;

export const budgetLineFormSchema = z
  .object({ category, label, eligible: blankAsUndefined(eligible.default(false)), forecastEuros: eurosSchema })
  .transform(({ forecastEuros, ...rest }) => ({ ...rest, forecastCents: forecastEuros }));

export const updateBudgetLineSchema = budgetLineSchema.extend({ version: versionSchema });

/** Compte rendu financier: actual expense and the explanation of its gap to the forecast. */
export const actualLineSchema = z.object({
  version: versionSchema,
  actualCents: centsSchema,
  gapExplanation: comment.optional(),
});
export type ActualLineInput = z.infer<typeof actualLineSchema>;

export const transitionSchema = z
  .object({
    transition: z.enum(TRANSITIONS, { error: "Étape inconnue." }),
    version: versionSchema,
    comment: comment.optional(),
    deliberationNumber: z.string().trim().max(60, "60 caractères au plus.").optional(),
    deliberationDate: isoDate.optional(),
    awardedCents: centsSchema.optional(),
    signedAt: isoDate.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.transition === "approve") {
      if (!t.deliberationNumber) ctx.addIssue({ code: "custom", path: ["deliberationNumber"], message: "Indiquez le numéro de délibération." });
      if (!t.deliberationDate) ctx.addIssue({ code: "custom", path: ["deliberationDate"], message: "Indiquez la date de délibération." });
      if (t.awardedCents === undefined) ctx.addIssue({ code: "custom", path: ["awardedCents"], message: "Indiquez le montant attribué." });
    }
    if (t.transition === "sign" && !t.signedAt) ctx.addIssue({ code: "custom", path: ["signedAt"], message: "Indiquez la date de signature." });
    if ((t.transition === "sendBack" || t.transition === "reject") && !t.comment) {
      ctx.addIssue({ code: "custom", path: ["comment"], message: "Expliquez à la plateforme ce qu'il faut corriger." });
    }
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

/** The form sends the awarded amount in euros; empty optional fields arrive as "". */
export const transitionFormSchema = z
  .preprocess((raw) => {
    const o = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== ""));
    if (typeof o.awardedEuros === "string") {
      const parsed = eurosSchema.safeParse(o.awardedEuros);
      o.awardedCents = parsed.success ? parsed.data : -1;
    }
    delete o.awardedEuros;
    return o;
  }, transitionSchema)
  .transform((t) => t);

/**
 * Paying a tranche whose conditions are not met (« Prévue ») needs an explicit confirmation and its
 * reason (audited, shown in the file's history); without them the payment is refused with 422.
 */
const unmetConditionsFields = {
  confirmUnmetConditions: booleanField.optional().describe("Confirme le versement d'une tranche dont les conditions ne sont pas remplies (statut « Prévue »)"),
  overrideReason: z.string().trim().max(1000, "1 000 caractères au plus.").optional().describe("Motif de ce versement (obligatoire avec la confirmation)"),
};

export const paymentSchema = z.object({
  trancheId: z.uuid("Tranche invalide.").optional(),
  amountCents: centsSchema.refine((c) => c > 0, "Le montant doit être positif."),
  paidAt: isoDate,
  reference: z.string().trim().max(80, "80 caractères au plus.").optional(),
  ...unmetConditionsFields,
});
export type PaymentInput = z.infer<typeof paymentSchema>;

export const paymentFormSchema = z
  .object({
    trancheId: z.uuid("Tranche invalide.").optional().or(z.literal("").transform(() => undefined)),
    amountEuros: eurosSchema.refine((c) => c > 0, "Le montant doit être positif."),
    paidAt: isoDate,
    reference: z.string().trim().max(80, "80 caractères au plus.").optional(),
    ...unmetConditionsFields,
  })
  .transform(({ amountEuros, ...rest }) => ({ ...rest, amountCents: amountEuros }));

const optionalDate = isoDate.optional().or(z.literal("").transform(() => undefined));

/** Dates that drive tranches and deadlines, recorded by the finance team as documents arrive. */
export const milestonesSchema = z.object({
  version: versionSchema,
  startAttestationAt: optionalDate,
  intermediateReportAt: optionalDate,
  finalReportAt: optionalDate,
  finalReviewMeetingAt: optionalDate,
  financialReportReceivedAt: optionalDate,
  teamRecruitedAt: optionalDate,
  formalNoticeAt: optionalDate,
});
export type MilestonesInput = z.infer<typeof milestonesSchema>;

// ───────────── tranche claims, refund orders, France Travail breaches (tranche claims, refunds, penalties) ─────────────

/** The platform claims a tranche, giving the dates of the documents it sends with the claim. */
export const claimFormSchema = z.object({
  version: versionSchema,
  startAttestationAt: optionalDate,
  intermediateReportAt: optionalDate,
  finalReportAt: optionalDate,
  finalReviewMeetingAt: optionalDate,
});

export const refundOrderFormSchema = z
  .object({
    amountEuros: eurosSchema.refine((c) => c > 0, "Le montant doit être positif."),
    issuedAt: isoDate,
    reason: z.string().trim().min(3, "Indiquez le motif du reversement.").max(500, "500 caractères au plus."),
  })
  .transform(({ amountEuros, ...rest }) => ({ ...rest, amountCents: amountEuros }));

export const refundOrderPaidSchema = z.object({ version: versionSchema, paidAt: isoDate });

export const ftBreachFormSchema = z
  .object({
    version: versionSchema,
    breach: z.enum(["MISUSE", "EU_STATE_AID", "INACCURATE", "INACCURATE_DELIBERATE", "FRAUD"], "Choisissez le manquement.").or(z.literal("").transform(() => null)),
    misusedEuros: eurosSchema.optional().or(z.literal("").transform(() => undefined)),
  })
  .transform(({ misusedEuros, ...rest }) => ({ ...rest, misusedCents: misusedEuros ?? null }));

/** API: claim a tranche (dates of the documents sent with the claim, AAAA-MM-JJ). */
export const claimSchema = z.object({
  version: versionSchema,
  documents: z.object({ startAttestationAt: isoDate.optional(), intermediateReportAt: isoDate.optional(), finalReportAt: isoDate.optional(), finalReviewMeetingAt: isoDate.optional() }).default({}),
});

/** API: issue an ordre de reversement. */
export const refundOrderSchema = z.object({
  amountCents: centsSchema.refine((c) => c > 0, "Le montant doit être positif."),
  issuedAt: isoDate,
  reason: z.string().trim().min(3, "Indiquez le motif du reversement.").max(500, "500 caractères au plus."),
});
