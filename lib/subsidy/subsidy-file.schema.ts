// Inputs of the subsidy-file use cases. The API speaks integer cents (`…Cents`); the forms speak
// euros typed the French way ("12 500,50") and their schemas turn them into the same cents input,
// so one service validates both. Fields the server decides (platform, status, author) are absent.
import { z } from "zod";
import { blankAsUndefined, booleanField } from "@/lib/fields.schema";
import { TERMINATION_MODES } from "@/lib/subsidy/termination.rules";
import { TRANSITION_DEFS, TRANSITIONS } from "@/lib/subsidy/subsidy-workflow.rules";

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

/**
 * A step of the workflow. What each step requires beyond these types (a deliberation for « approve »,
 * a date for « sign », a comment for a sending back or a refusal, the date and mode of a termination) is
 * checked by the service with `transitionFieldErrors`, AFTER the step's own permission: a role that may
 * not take the step gets 403 whatever it sends, never a 400 listing the fields it would need (issue 21).
 */
export const transitionSchema = z.object({
  transition: z.enum(TRANSITIONS, { error: "Étape inconnue." }),
  version: versionSchema,
  comment: comment.optional(),
  deliberationNumber: z.string().trim().max(60, "60 caractères au plus.").optional(),
  deliberationDate: isoDate.optional(),
  awardedCents: centsSchema.optional(),
  signedAt: isoDate.optional(),
  /** Date of the act a step records (letter received or sent, amendment, decision): TRANSITION_DEFS.needsDate. */
  at: isoDate.optional(),
  /** notifyTermination: FT art. 14 1°/2°/3° or Région convention cadre art. 11. */
  terminationMode: z.preprocess((v) => (v === "" ? undefined : v), z.enum(TERMINATION_MODES, "Mode de résiliation inconnu.").optional()),
  /** notifyTermination / terminate: sums to give back (« restitution de tout ou partie des sommes versées »). */
  restitutionCents: centsSchema.optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

/** The fields a step requires and that `input` lacks, in French (empty when the step has all it needs). */
export function transitionFieldErrors(t: TransitionInput): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (TRANSITION_DEFS[t.transition].needsDate && !t.at) errors.at = ["Indiquez la date."];
  if (t.transition === "notifyTermination" && !t.terminationMode) errors.terminationMode = ["Indiquez le mode de résiliation."];
  if (TRANSITION_DEFS[t.transition].commentRequired && !["sendBack", "reject"].includes(t.transition) && !t.comment) {
    errors.comment = ["Indiquez le motif ou l'objet."];
  }
  if (t.transition === "approve") {
    if (!t.deliberationNumber) errors.deliberationNumber = ["Indiquez le numéro de délibération."];
    if (!t.deliberationDate) errors.deliberationDate = ["Indiquez la date de délibération."];
    if (t.awardedCents === undefined) errors.awardedCents = ["Indiquez le montant attribué."];
  }
  if (t.transition === "sign" && !t.signedAt) errors.signedAt = ["Indiquez la date de signature."];
  if ((t.transition === "sendBack" || t.transition === "reject") && !t.comment) errors.comment = ["Expliquez à la plateforme ce qu'il faut corriger."];
  return errors;
}

/** The form sends the awarded amount in euros; empty optional fields arrive as "". */
export const transitionFormSchema = z
  .preprocess((raw) => {
    const o = Object.fromEntries(Object.entries(raw as Record<string, unknown>).filter(([, v]) => v !== ""));
    if (typeof o.awardedEuros === "string") {
      const parsed = eurosSchema.safeParse(o.awardedEuros);
      o.awardedCents = parsed.success ? parsed.data : -1;
    }
    delete o.awardedEuros;
    if (typeof o.restitutionEuros === "string") {
      const parsed = eurosSchema.safeParse(o.restitutionEuros);
      o.restitutionCents = parsed.success ? parsed.data : -1;
    }
    delete o.restitutionEuros;
    return o;
  }, transitionSchema)
  .transform((t) => t);

/**
 * Paying a tranche whose conditions are not met (« Prévue »), or a Région payment before the activity
 * bilan is received (issue 22 §4, cadre d'intervention §5), needs an explicit confirmation and its
 * reason (10 characters at least; stored on the payment, shown in the file's history, its presence
 * audited); without them the payment is refused with 422.
 */
const unmetConditionsFields = {
  confirmUnmetConditions: booleanField.optional().describe("Confirme un versement malgré des pièces manquantes : conditions de la tranche (statut « Prévue ») ou bilan d'activité non reçu (dossier Région)"),
  overrideReason: z.string().trim().max(1000, "1 000 caractères au plus.").optional().describe("Motif de ce versement (obligatoire avec la confirmation, 10 caractères au moins)"),
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
  /** Issue 22 §4, cadre d'intervention §5: the activity bilan the payment waits for. */
  activityBilanReceivedAt: optionalDate,
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
  activityBilanReceivedAt: optionalDate,
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
  documents: z.object({
    startAttestationAt: isoDate.optional(), intermediateReportAt: isoDate.optional(), finalReportAt: isoDate.optional(), finalReviewMeetingAt: isoDate.optional(),
    activityBilanReceivedAt: isoDate.optional().describe("Bilan d'activité de la plateforme (dossier Région, cadre d'intervention §5)"),
  }).default({}),
});

/** API: issue an ordre de reversement. */
export const refundOrderSchema = z.object({
  amountCents: centsSchema.refine((c) => c > 0, "Le montant doit être positif."),
  issuedAt: isoDate,
  reason: z.string().trim().min(3, "Indiquez le motif du reversement.").max(500, "500 caractères au plus."),
});
