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
export const trancheDocuments = ["START_ATTESTATION", "INTERMEDIATE_REPORT", "FINAL_REPORT", "FINAL_REVIEW_MEETING", "RECEIPTS", "ACTIVITY_BILAN"] as const;

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
    /**
     * Convention cadre art. 11: « résiliée de plein droit par l'une ou l'autre partie à l'expiration
     * d'un délai de 3 mois suivant l'envoi d'une lettre recommandée ». Defaulted so older rule sets parse.
     */
    terminationNoticeMonths: positiveInt.default(3),
    /**
     * Issue 22 §4 — cadre d'intervention §5 « Modalités administratives »: « Le paiement de la
     * subvention se fera sur présentation d'un bilan d'activité de la plateforme et des différents
     * justificatifs de dépenses ». True: every payment (each tranche, and a payment outside the
     * tranches) waits for the activity bilan; finance may pay anyway with a stated reason.
     * Defaulted to the text so older rule sets parse and apply it.
     */
    paymentRequiresActivityBilan: z.boolean().default(true),
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
    /**
     * Art. 5: « Au plus tard 6 mois après la signature de la convention, le porteur de projet
     * communique à France Travail un bilan intermédiaire ». Defaulted so older rule sets parse.
     */
    intermediateBilanMonthsAfterSignature: positiveInt.default(6),
    /**
     * Art. 5: « le porteur de projet adresse par courriel à France Travail, un mois avant la tenue de
     * la réunion, un bilan de la réalisation du projet ». Defaulted so older rule sets parse.
     */
    finalBilanMonthsBeforeMeeting: positiveInt.default(1),
    /**
     * Small-count masking, chosen per report (issue 22 §3): the monthly file goes to France Travail
     * « données agrégées (anonymes) » (art. 5), so it is masked; the two bilans are project-wide
     * figures presented at a meeting with the porteur — masked too by default, an administrator may
     * decide otherwise per report. The threshold is `smallCountMaskThreshold`.
     */
    masking: z.object({ monthly: z.boolean(), intermediateBilan: z.boolean(), finalBilan: z.boolean() })
      .default({ monthly: true, intermediateBilan: true, finalBilan: true }),
    /**
     * Art. 14: 1) on a party's request « La résiliation prend effet dans un délai de 3 mois à compter de
     * la date de réception de la demande »; 2) on a breach, « dans un délai de 30 jours à compter de la
     * date de réception … de la mise en demeure »; 3) de plein droit, at receipt of the decision.
     */
    termination: z.object({ requestNoticeMonths: positiveInt, breachNoticeDays: positiveInt }).default({ requestNoticeMonths: 3, breachNoticeDays: 30 }),
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
  /**
   * France Travail convention art. 11 (« au plus tard 36 heures après la découverte de la violation
   * de données ou la réception de la plainte ») and annex 1, 2.7–2.8: requests and breaches about the
   * data returned to France Travail are sent to its DPO within this many hours. Defaulted (issue 22).
   */
  franceTravailNotifyHours: positiveInt.default(36),
  /**
   * Région convention annex 1 art. 3.5: the controller is informed « sans délai » of a request from an
   * administrative or judicial authority. « Sans délai » read as this many hours (proposed to the DPO).
   */
  authorityRequestInformHours: positiveInt.default(24),
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
    /**
     * France Travail convention art. 11: personal data destroyed « au plus tard dans les deux mois
     * suivant l'échéance de la convention » (annex 1, 2.12). Defaulted so older rule sets parse.
     */
    franceTravailDestroyMonthsAfterEnd: positiveInt.default(2),
    /**
     * Issue 23: a request left on the public form and never converted by staff (nor discarded) has
     * its personal fields wiped this many months after it was sent. Defaulted so older rule sets parse.
     */
    intakeRequestMonths: positiveInt.default(3),
    // ── Issue 22 §5: what had no period. Région annex 1 art. 3.1 point 3: the processor must
    // « respecter la durée de conservation … et supprimer les Données à caractère personnel à
    // expiration de la durée de conservation ». The conventions give no figure for these records:
    // the values are proposals to the DPO, shown on the processing register, defaulted so that
    // rule sets written before them still parse.
    /** A rights request answered or rejected: identity, contact and free text erased after this many months (the request stays as proof: kind, dates, status). */
    closedRightsRequestMonths: positiveInt.default(60),
    /** A closed breach record: free text (nature, contact, consequences, measures) erased after this many months. */
    breachRecordMonths: positiveInt.default(60),
    /** Audit events (user IP addresses, typed reasons) removed from the head of the chain after this many months. */
    auditEventMonths: positiveInt.default(12),
    /** Receipts (payslips, expense notes, invoices) deleted this many months after 31 December of their file's year. */
    receiptMonthsAfterYearEnd: positiveInt.default(60),
    /** Free-text notes on the company side (they may name people): erased this many months after the note. Annex 1 art. 2: « S'agissant de l'entreprise … 48 mois ». */
    companyNoteMonths: positiveInt.default(48),
    /** A sole trader's company record (its name is a person's): name and address erased this many months after the last contact. Annex 1 art. 2: 48 months for « l'entreprise ». */
    soleTraderMonths: positiveInt.default(48),
    /** Issue 22 §6: previous values of a job seeker (rectification history) kept this many months to answer a dispute, then deleted. */
    rectificationHistoryMonths: positiveInt.default(12),
    /**
     * Issue 16 §12: a run renews its lease while it works (every third of it); a run whose lease has
     * run out without renewal was killed and is marked abandoned by the next run, which finishes its
     * work. Longer than the longest single record (a receipt deletion, an audit chunk). Defaulted so
     * older rule sets parse.
     */
    runLeaseMinutes: positiveInt.default(15),
  })
  .refine((r) => r.jobSeekerDestroyMonths >= r.jobSeekerArchiveMonths, {
    message: "La destruction ne peut précéder l'archivage",
    path: ["jobSeekerDestroyMonths"],
  });
export type RetentionRules = z.infer<typeof retentionSchema>;

const minPerYear = z
  .object({ minPerYear: z.number().int().nonnegative(), maxPerYear: z.number().int().positive().optional() })
  .refine((r) => r.maxPerYear === undefined || r.maxPerYear >= r.minPerYear, { message: "Le maximum doit être au moins égal au minimum", path: ["maxPerYear"] });

const share = z.number().min(0).max(1);

/**
 * Weights and scales of the prospecting score. The score is the weighted mean of five parts in [0, 1]:
 * trades sought by the platform's job seekers that the sector hires, headcount band, establishment age,
 * trades in tension, distance to the job seekers.
 */
export const prospectingSchema = z.object({
  weights: z.object({ trades: z.number().min(0), headcount: z.number().min(0), age: z.number().min(0), tension: z.number().min(0), distance: z.number().min(0) })
    .refine((w) => w.trades + w.headcount + w.age + w.tension + w.distance > 0, { message: "Au moins un poids doit être positif" }),
  /** This many matching job seekers (or more) give the full « métiers recherchés » part. */
  tradesSaturation: positiveInt,
  /** A sector « hires » a trade when France Travail's mapping shows at least this many hirings. */
  minHirings: z.number().int().nonnegative(),
  /** Part by INSEE headcount band code (00, 01, 02, 03, 11, 12, 21, 22, 31, 32, 41, 42, 51, 52, 53, NN). */
  headcountScores: z.record(z.string().regex(/^(\d\d|NN)$/), share),
  /** Part by age: the first band whose maxYears is above the establishment's age (the last one has none). */
  ageBands: z.array(z.object({ maxYears: positiveInt.nullable(), score: share })).min(1),
  /** A trade is « en tension » when France Travail's tension indicator reaches this percentage. */
  tensionThresholdPct: z.number().min(0).max(100),
  /** Full part at 0 km, none at this distance and beyond. */
  maxDistanceKm: positiveInt,
  /** A company the platform follows comes back in the list when not contacted for this many months. */
  recontactMonths: positiveInt,
});
export type ProspectingRules = z.infer<typeof prospectingSchema>;

/** Business defaults (no figure in the conventions), also written in the OPERATIONS rule set v1. */
export const PROSPECTING_DEFAULTS: ProspectingRules = {
  weights: { trades: 4, headcount: 2, age: 1, tension: 2, distance: 1 },
  tradesSaturation: 20,
  minHirings: 10,
  headcountScores: { NN: 0.3, "00": 0.1, "01": 0.3, "02": 0.5, "03": 0.6, "11": 0.8, "12": 1, "21": 1, "22": 0.9, "31": 0.8, "32": 0.7, "41": 0.6, "42": 0.5, "51": 0.5, "52": 0.5, "53": 0.5 },
  ageBands: [
    { maxYears: 2, score: 1 },
    { maxYears: 5, score: 0.7 },
    { maxYears: 10, score: 0.5 },
    { maxYears: null, score: 0.3 },
  ],
  tensionThresholdPct: 50,
  maxDistanceKm: 30,
  recontactMonths: 12,
};

export const circuitCourtSchema = z.object({
  /** Reminders are sent this many days before the event (D-3, D-1…), to whoever has not declined. */
  reminderDaysBefore: z.array(z.number().int().min(0).max(60)).max(5).refine((d) => new Set(d).size === d.length, "Délais de relance en double"),
  /** Answers through the public link accepted per client address per hour (beyond: refused, French 429 message). */
  publicAnswersPerHour: positiveInt,
  /** Whether the public page lets the person correct their phone number. */
  allowPhoneCorrection: z.boolean(),
});
export type CircuitCourtRules = z.infer<typeof circuitCourtSchema>;
/** Business defaults, also what a rule set written before issue 20 reads. */
export const CIRCUIT_COURT_DEFAULTS: CircuitCourtRules = { reminderDaysBefore: [3, 1], publicAnswersPerHour: 20, allowPhoneCorrection: false };

/**
 * Issue 22 §6: the purposes a user may state before exporting a list holding identities (Région
 * annex 1 art. 3.1 point 2: data processed only for the purposes of the processing). Business
 * defaults proposed to the DPO — the platforms' own uses of a list of people; none is a statistic.
 */
export const IDENTITY_EXPORT_PURPOSES_DEFAULTS: ExpenseCategory[] = [
  { code: "MISE_EN_RELATION", label: "Mise en relation avec des entreprises (positionnements sur des offres)" },
  { code: "CIRCUIT_COURT", label: "Invitations à un événement circuit court" },
  { code: "SUIVI_ACCOMPAGNEMENT", label: "Suivi et relance des personnes accompagnées par la plateforme" },
  { code: "QUALITE_DONNEES", label: "Contrôle de la qualité des fiches (doublons, corrections)" },
];

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
  /** Issue 22 §6: purposes offered (and required) before an export of identities. Defaulted for older rule sets. */
  identityExportPurposes: z.array(categorySchema).min(1).refine(uniqueCodes, "Codes de finalité en double").default(IDENTITY_EXPORT_PURPOSES_DEFAULTS),
  /**
   * Public intake (issue 23): at most `perAddress` requests per contact address (e-mail or phone)
   * and `perIp` per client address within `windowMinutes`; `searchesPerIp` register searches of the
   * company form and `communeSearchesPerIp` commune searches of both forms per client address in the
   * same window. Defaulted for older rule sets.
   */
  publicIntake: z
    .object({
      perAddress: positiveInt,
      perIp: positiveInt,
      windowMinutes: positiveInt,
      /** Register searches of the public company form per client address within the window. Defaulted for older rule sets. */
      searchesPerIp: positiveInt.default(60),
      /**
       * Commune searches of the public forms' picker per client address within the window (typed ahead:
       * a few per form, more room than the register search for offices behind one address). Defaulted for older rule sets.
       */
      communeSearchesPerIp: positiveInt.default(120),
    })
    .default({ perAddress: 3, perIp: 10, windowMinutes: 60, searchesPerIp: 60, communeSearchesPerIp: 120 }),
  /** Circuit-court invitations (issue 20): reminder delays, public-link rate limit, phone correction. */
  circuitCourt: circuitCourtSchema.default(CIRCUIT_COURT_DEFAULTS),
  /** Prospecting (issue 19): the ranking of the register's establishments (lib/prospecting/score.rules.ts). */
  prospecting: prospectingSchema.default(PROSPECTING_DEFAULTS),
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
