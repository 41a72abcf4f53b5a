// Payload schemas of the versioned rule sets (model RuleSet, shared/DOMAIN.md "Rules are data").
// Pure module (zod only): the rules functions, the admin editor and the seed all validate with it,
// so a payload that passes here is safe to feed to any *.rules.ts function.
import { z } from "zod";
import { isValidSiret } from "@/lib/rules/siret.rules";

/** Basis points: 10 000 = 100 %. */
const bp = z.number().int().min(0).max(10_000);
const cents = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();
const code = z.string().regex(/^[A-Z][A-Z0-9_]*$/, "Code en majuscules (A-Z, 0-9, _)");

const categorySchema = z.object({ code, label: z.string().min(1) });
export type ExpenseCategory = z.infer<typeof categorySchema>;

function uniqueCodes(list: ExpenseCategory[]): boolean {
  return new Set(list.map((c) => c.code)).size === list.length;
}

// ───────────────────────── shared by both funders ─────────────────────────

/** Who grants the aid, as published in open data (décret 2017-779); SIRET unknown = null. */
const attributorSchema = z.object({
  name: z.string().min(2),
  // Published as idAttribuant (SCDL: 14 digits, required): checked with its Luhn key like any SIRET.
  siret: z.string().regex(/^\d{14}$/, "SIRET à 14 chiffres").refine(isValidSiret, "SIRET invalide (clé de contrôle de Luhn).").nullable(),
});
export type Attributor = z.infer<typeof attributorSchema>;


export const trancheAnchors = ["SIGNATURE", "INTERMEDIATE_REPORT", "FINAL_REVIEW_MEETING"] as const;
/** Documents and meetings a tranche may require before it can be claimed (lib/subsidy/tranche.rules.ts). */
export const trancheDocuments = ["START_ATTESTATION", "INTERMEDIATE_REPORT", "FINAL_REPORT", "FINAL_REVIEW_MEETING", "RECEIPTS"] as const;

const trancheRuleSchema = z
  .object({
    rank: positiveInt,
    shareBp: bp,
    label: z.string().min(1),
    /** Document that triggers the payment. */
    condition: z.string().min(1),
    dueDaysAfter: positiveInt.optional(),
    dueMonthsAfter: positiveInt.optional(),
    anchor: z.enum(trancheAnchors),
    /** What must be received before the tranche can be claimed; absent = the document of its anchor. */
    requires: z.array(z.enum(trancheDocuments)).optional(),
  })
  .refine((t) => (t.dueDaysAfter === undefined) !== (t.dueMonthsAfter === undefined), {
    message: "Indiquer soit un délai en jours, soit un délai en mois",
    path: ["dueDaysAfter"],
  });
export type TrancheRule = z.infer<typeof trancheRuleSchema>;

// ───────────────────────── Région: cadre d'intervention ─────────────────────────

const etpCapSchema = z.object({ etp: z.number().positive(), capCents: cents });

export const regionFrameworkSchema = z
  .object({
    /** Maximum share of eligible expenses the Région pays (8000 = 80 %). */
    fundingRateBp: bp,
    /** Minimum share the territory must fund (2000 = 20 %). */
    minTerritoryShareBp: bp,
    eligibleCategories: z.array(categorySchema).min(1).refine(uniqueCodes, "Codes de catégorie en double"),
    /** Yearly cap per platform by staff size; the highest `etp` not above the platform's ETP applies. */
    capsByEtp: z
      .array(etpCapSchema)
      .min(1)
      .refine((caps) => caps.every((c, i) => i === 0 || c.etp > caps[i - 1]!.etp), "ETP strictement croissants"),
    /** Territories above BOTH thresholds get a higher cap; null = not yet set by an administrator. */
    largeTerritory: z.object({
      minPopulation: positiveInt,
      minCompanies: positiveInt,
      capCents: cents.nullable(),
    }),
    /**
     * Payment schedule of the annual convention. Optional because version 1 predates it: without
     * it no schedule can be generated and the finance team is told to version the rule set.
     */
    tranches: z
      .array(trancheRuleSchema)
      .min(1)
      .refine((ts) => ts.every((t, i) => t.rank === i + 1), "Rangs 1, 2, 3… dans l'ordre")
      .refine((ts) => ts.reduce((s, t) => s + t.shareBp, 0) === 10_000, "La somme des tranches doit faire 100 %")
      .optional(),
    /**
     * Compte rendu financier (convention cadre art. 7.3): a forecast/actual gap above this share of
     * the forecast must be explained. Absent = every gap must be explained.
     */
    gapExplanationThresholdBp: bp.optional(),
    /** Open data (décret 2017-779): grants above this amount are published. Optional (v1 predates it). */
    openDataThresholdCents: cents.optional(),
    attributor: attributorSchema.optional(),
  })
  .refine((r) => r.fundingRateBp + r.minTerritoryShareBp <= 10_000, {
    message: "Taux Région + part minimale du territoire > 100 %",
    path: ["minTerritoryShareBp"],
  });
export type RegionFrameworkRules = z.infer<typeof regionFrameworkSchema>;

// ───────────────────────── France Travail: convention de subvention ─────────────────────────

export const franceTravailSchema = z
  .object({
    fundingRateBp: bp,
    eligibleCategories: z.array(categorySchema).min(1),
    nonEligibleCategories: z.array(categorySchema),
    tranches: z
      .array(trancheRuleSchema)
      .min(1)
      .refine((ts) => ts.every((t, i) => t.rank === i + 1), "Rangs 1, 2, 3… dans l'ordre")
      .refine((ts) => ts.reduce((s, t) => s + t.shareBp, 0) === 10_000, "La somme des tranches doit faire 100 %"),
    durationMonths: positiveInt,
    /** Grants above this amount have their essential data published in open format. */
    openDataThresholdCents: cents,
    deMinimis: z.object({ ceilingCents: cents, years: positiveInt }),
    attributor: attributorSchema.optional(),
    /**
     * Monthly anonymous indicators file: any count of people strictly below this figure (and above
     * zero) is masked so nobody can be singled out. Defaulted so older rule sets still parse.
     */
    smallCountMaskThreshold: positiveInt.default(5),
    /**
     * Art. 8 (and CRPA L.115-1): a contribution obtained on inaccurate information is refunded in
     * full, increased by these shares (deliberate breach, fraud). Optional: v1 predates it.
     */
    penalties: z.object({ deliberateSurchargeBp: bp, fraudSurchargeBp: bp }).optional(),
  })
  .refine(
    (r) => uniqueCodes([...r.eligibleCategories, ...r.nonEligibleCategories]),
    { message: "Une catégorie ne peut être à la fois éligible et non éligible", path: ["nonEligibleCategories"] },
  );
export type FranceTravailRules = z.infer<typeof franceTravailSchema>;

// ───────────────────────── deadlines, retention, operations ─────────────────────────

export const deadlinesSchema = z.object({
  financialReportMonthsAfterFiscalYearEnd: positiveInt,
  teamRecruitmentMonthsAfterNotification: positiveInt,
  rightsRequestForwardHours: positiveInt,
  rightsRequestAnswerDays: positiveInt,
  controllerOrderDays: positiveInt,
  breachNotifyHours: positiveInt,
  /** Days the beneficiary has to answer a formal notice before a withholding applies (absent = none). */
  formalNoticeResponseDays: z.number().int().nonnegative().optional(),
  /** Share of the award withheld when the financial report stays missing; null = not set yet. */
  financialReportWithholdingBp: bp.nullable().optional(),
  /** Days given to pay an ordre de reversement. */
  refundOrderDueDays: positiveInt.optional(),
});
export type DeadlinesRules = z.infer<typeof deadlinesSchema>;

export const retentionSchema = z
  .object({
    /** Months after last contact before a job seeker leaves the active base. */
    jobSeekerArchiveMonths: positiveInt,
    /** Months after last contact before a job seeker is destroyed. */
    jobSeekerDestroyMonths: positiveInt,
    companyContactDestroyMonths: positiveInt,
    /** Warn staff this many days before a record is archived. */
    preArchiveNoticeDays: z.number().int().nonnegative(),
  })
  .refine((r) => r.jobSeekerDestroyMonths >= r.jobSeekerArchiveMonths, {
    message: "La destruction ne peut précéder l'archivage",
    path: ["jobSeekerDestroyMonths"],
  });
export type RetentionRules = z.infer<typeof retentionSchema>;

const minPerYear = z
  .object({ minPerYear: z.number().int().nonnegative(), maxPerYear: z.number().int().positive().optional() })
  .refine((r) => r.maxPerYear === undefined || r.maxPerYear >= r.minPerYear, { message: "Le maximum doit être au moins égal au minimum", path: ["maxPerYear"] });

export const operationsSchema = z
  .object({
    numeroVertCallbackDelayDays: positiveInt,
  callbackMaxAttempts: positiveInt,
  /** An open offer with no activity for this many days is flagged for review. */
  offerStaleDays: positiveInt,
  /** …and expired after this many days without activity (a notice is shown first). */
  offerExpireDays: positiveInt,
  /** Days of notice before an inactive offer is expired. */
  offerExpiryNoticeDays: z.number().int().nonnegative(),
  /** "Jeunes": strictly under this age. */
  youngAgeLimit: positiveInt,
  /**
   * Minimum age of a job seeker on record (legal minimum working age in France). Defaulted so that
   * rule sets written before this field existed still parse.
   */
  jobSeekerMinAge: positiveInt.default(16),
  /**
   * The platform manager is reminded to close the monthly bilan from this many days after the
   * month's end while it stays open. Defaulted so that earlier rule sets still parse.
   */
  monthCloseReminderDays: z.number().int().nonnegative().max(27).default(5),
  /** Table exports (issue 5): above this many rows, generated in the background. Defaulted for older rule sets. */
  tableExportBackgroundRows: positiveInt.default(5000),
  /** Days a background export stays downloadable before it is deleted. */
  tableExportRetentionDays: positiveInt.default(7),
  governance: z.object({
    COPRESIDENCE: minPerYear,
    POLE_DIRIGEANT: minPerYear,
    COMITE_TECHNIQUE: minPerYear.optional(),
  }),
  })
  .refine((r) => r.offerExpireDays > r.offerStaleDays && r.offerExpiryNoticeDays < r.offerExpireDays - r.offerStaleDays + 1, {
    message: "L'expiration doit suivre le signalement, et le préavis tenir entre les deux",
    path: ["offerExpireDays"],
  });
export type OperationsRules = z.infer<typeof operationsSchema>;

// ───────────────────────── by kind ─────────────────────────

/** Mirrors the Prisma enum RuleSetKind (kept literal so this module stays Prisma-free). */
export const ruleSetPayloadSchemas = {
  REGION_FRAMEWORK: regionFrameworkSchema,
  FRANCE_TRAVAIL: franceTravailSchema,
  DEADLINES: deadlinesSchema,
  RETENTION: retentionSchema,
  OPERATIONS: operationsSchema,
} as const;

export type RuleSetKindName = keyof typeof ruleSetPayloadSchemas;
export type RuleSetPayload<K extends RuleSetKindName> = z.infer<(typeof ruleSetPayloadSchemas)[K]>;

export function parseRuleSetPayload<K extends RuleSetKindName>(kind: K, payload: unknown): RuleSetPayload<K> {
  return ruleSetPayloadSchemas[kind].parse(payload) as RuleSetPayload<K>;
}
