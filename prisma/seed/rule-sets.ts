// Initial rule sets (version 1), read from the 2021–2025 framework (shared/DOMAIN.md §4–5).
// They are configuration, not demo data: an administrator versions them from here on.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { RuleSetKind } from "@/lib/generated/prisma/enums";
import {
  PROSPECTING_DEFAULTS,
  IDENTITY_EXPORT_PURPOSES_DEFAULTS,
  ruleSetPayloadSchemas,
  type DeadlinesRules,
  type FranceTravailRules,
  type OperationsRules,
  CIRCUIT_COURT_DEFAULTS,
  type RegionFrameworkRules,
  type RetentionRules,
} from "@/lib/rules/rule-set.schema";
import { readRuleSetInForce } from "@/lib/rules/rule-set-versions.repo";

type Db = PrismaClient | Prisma.TransactionClient;

export const RULE_SETS_VALID_FROM = new Date("2021-01-01T00:00:00.000Z");

export const REGION_FRAMEWORK_V1: RegionFrameworkRules = {
  fundingRateBp: 8000,
  minTerritoryShareBp: 2000,
  eligibleCategories: [
    { code: "SALAIRES", label: "Salaires et charges (personnel dédié 100 %)" },
    { code: "DEPLACEMENTS", label: "Frais de déplacement" },
    { code: "RESTAURATION", label: "Frais de restauration" },
    { code: "LOCAUX_FONCTIONNEMENT", label: "Locaux et frais de fonctionnement" },
    { code: "INFORMATION_COMMUNICATION", label: "Information et communication" },
    { code: "PRESTATIONS_COLLECTIVES", label: "Prestations collectives" },
  ],
  // The "2" of "2 ETP" is illegible in the source: our reading (DOMAIN.md §4).
  capsByEtp: [
    { etp: 2, capCents: 10_000_000 },
    { etp: 3, capCents: 13_600_000 },
  ],
  // The higher cap's amount is illegible in the source: left unset for an administrator.
  largeTerritory: { minPopulation: 600_000, minCompanies: 50_000, capCents: null },
  // The framework pays "on presentation of the activity bilan and receipts" and sets no split:
  // one tranche is our reading; an administrator versions the rule set to split it.
  tranches: [
    {
      rank: 1,
      shareBp: 10_000,
      label: "Subvention annuelle",
      condition: "bilan d'activité et justificatifs (bulletins de salaire, notes de frais, factures)",
      dueDaysAfter: 30,
      anchor: "SIGNATURE",
      requires: ["RECEIPTS"],
    },
  ],
  // Convention cadre art. 7.3: every gap between forecast and actual is explained.
  gapExplanationThresholdBp: 0,
  // Décret 2017-779: essential data of grants above 23 000 € are published.
  openDataThresholdCents: 2_300_000,
  // SIRET of the Région's head office, to be checked by an administrator before publishing.
  attributor: { name: "Région Hauts-de-France", siret: "20005376700014" },
  // Convention cadre art. 11: termination takes effect 3 months after the registered letter.
  terminationNoticeMonths: 3,
  // Cadre d'intervention §5: « Le paiement de la subvention se fera sur présentation d'un bilan
  // d'activité de la plateforme » (issue 22 §4).
  paymentRequiresActivityBilan: true,
};

export const FRANCE_TRAVAIL_V1: FranceTravailRules = {
  // The rate is set per convention (the BFC text leaves it to each grant); 80 % is a default.
  fundingRateBp: 8000,
  eligibleCategories: [
    { code: "RH_DEDIEES", label: "Ressources humaines dédiées au projet" },
    { code: "PRESTATIONS", label: "Prestations de services" },
  ],
  nonEligibleCategories: [{ code: "INVESTISSEMENT", label: "Investissement (mobilier, informatique…)" }],
  tranches: [
    {
      rank: 1,
      shareBp: 5000,
      label: "Avance au démarrage",
      condition: "attestation de démarrage",
      dueDaysAfter: 30,
      anchor: "SIGNATURE",
      requires: ["START_ATTESTATION"],
    },
    {
      rank: 2,
      shareBp: 2000,
      label: "Tranche intermédiaire",
      condition: "rapport intermédiaire",
      dueMonthsAfter: 6,
      anchor: "SIGNATURE",
      requires: ["INTERMEDIATE_REPORT"],
    },
    {
      rank: 3,
      shareBp: 3000,
      label: "Solde",
      condition: "réunion de bilan final",
      dueDaysAfter: 30,
      anchor: "FINAL_REVIEW_MEETING",
      requires: ["FINAL_REPORT", "FINAL_REVIEW_MEETING"],
    },
  ],
  durationMonths: 12,
  openDataThresholdCents: 2_300_000,
  deMinimis: { ceilingCents: 30_000_000, years: 3 },
  // Statistical secrecy of the monthly anonymous file: counts under 5 are masked.
  smallCountMaskThreshold: 5,
  // Art. 5: intermediate bilan at the latest 6 months after signature; final bilan one month before the meeting.
  intermediateBilanMonthsAfterSignature: 6,
  finalBilanMonthsBeforeMeeting: 1,
  // Issue 22 §3: masking chosen per report (all three masked; an administrator may version this).
  masking: { monthly: true, intermediateBilan: true, finalBilan: true },
  // Art. 14: 3 months after a party's request; 30 days after an unanswered formal notice.
  termination: { requestNoticeMonths: 3, breachNoticeDays: 30 },
  // The establishment that signs depends on the regional directorate: an administrator sets it.
  // SIRET of France Travail in the source convention (130 005 481 17501).
  attributor: { name: "France Travail", siret: "13000548117501" },
  // Art. 8 / CRPA L.115-1: +50 % for a deliberate breach, +100 % for fraud.
  penalties: { deliberateSurchargeBp: 5000, fraudSurchargeBp: 10_000 },
};

export const DEADLINES_V1: DeadlinesRules = {
  financialReportMonthsAfterFiscalYearEnd: 6,
  teamRecruitmentMonthsAfterNotification: 6,
  rightsRequestForwardHours: 72,
  rightsRequestAnswerDays: 30,
  controllerOrderDays: 15,
  breachNotifyHours: 36,
  // Convention cadre art. 7: the withholding rate is not in the source; an administrator sets it.
  financialReportWithholdingBp: null,
  // Interpretation (not in the sources): 30 days to pay an ordre de reversement.
  refundOrderDueDays: 30,
  // France Travail convention art. 11 and annex 1, 2.7–2.8: 36 hours to France Travail's DPO.
  franceTravailNotifyHours: 36,
  // Région convention annex 1 art. 3.5 « sans délai »: read as 24 hours (proposed to the DPO).
  authorityRequestInformHours: 24,
};

// Interpretation: archive and destruction both count from the last contact (DOMAIN.md §5).
export const RETENTION_V1: RetentionRules = {
  jobSeekerArchiveMonths: 18,
  jobSeekerDestroyMonths: 24,
  companyContactDestroyMonths: 48,
  preArchiveNoticeDays: 30,
  // France Travail convention art. 11: « au plus tard dans les deux mois suivant l'échéance de la convention ».
  franceTravailDestroyMonthsAfterEnd: 2,
  // Issue 23: a request left on the public form and never converted by staff: 3 months (business default).
  intakeRequestMonths: 3,
  // Issue 22 §5–6: no figure in the conventions; proposals to the DPO (docs/conventions.md).
  // Rights requests and breach records: 5 years, the common limitation period (code civil art. 2224),
  // the time during which the handling may be disputed.
  closedRightsRequestMonths: 60,
  breachRecordMonths: 60,
  // Audit log: 12 months (CNIL, recommandation « journalisation » 2021: six months to a year).
  auditEventMonths: 12,
  // Receipts: 5 years after the file's year, the time of a financial control (convention cadre art. 7.3).
  receiptMonthsAfterYearEnd: 60,
  // Company side: the company's 48 months (annex 1 art. 2).
  companyNoteMonths: 48,
  soleTraderMonths: 48,
  // Rectification history: 12 months to answer a dispute about a change.
  rectificationHistoryMonths: 12,
  // Issue 16 §12: a run silent this long was killed; the next run marks it abandoned and finishes it.
  runLeaseMinutes: 15,
};

export const OPERATIONS_V1: OperationsRules = {
  // Issue 20: reminders at D-3 and D-1 (what rdv-insertion users ask for), 20 answers per address per hour.
  circuitCourt: CIRCUIT_COURT_DEFAULTS,
  // Business interpretation: the framework asks platforms to call back every numéro-vert company
  // but sets no delay; two calendar days is our default service level.
  numeroVertCallbackDelayDays: 2,
  callbackMaxAttempts: 3,
  // Issue 23 (business defaults): public intake, per contact address and per client address per hour.
  publicIntake: { perAddress: 3, perIp: 10, windowMinutes: 60, searchesPerIp: 60, communeSearchesPerIp: 120 },
  offerStaleDays: 60,
  // Business defaults (no figure in the conventions): flagged after 60 days without activity,
  // expired after 90, with 7 days' notice.
  offerExpireDays: 90,
  offerExpiryNoticeDays: 7,
  youngAgeLimit: 26,
  jobSeekerMinAge: 16,
  // Business default: reminded to close the month's bilan from the 5th day after the month ends.
  monthCloseReminderDays: 5,
  // Table exports: more than 5 000 rows go to the background; files kept 7 days.
  tableExportBackgroundRows: 5000,
  tableExportRetentionDays: 7,
  // Issue 22 §6: purposes stated before an export of identities (business defaults for the DPO).
  identityExportPurposes: IDENTITY_EXPORT_PURPOSES_DEFAULTS,
  governance: { COPRESIDENCE: { minPerYear: 3, maxPerYear: 4 }, POLE_DIRIGEANT: { minPerYear: 2 } },
  // Prospecting score (issue 19): business defaults, documented in docs/prospection.md.
  prospecting: PROSPECTING_DEFAULTS,
};

const PAYLOADS: Record<RuleSetKind, { payload: unknown; note: string }> = {
  REGION_FRAMEWORK: { payload: REGION_FRAMEWORK_V1, note: "Cadre d'intervention Région 2021–2025" },
  FRANCE_TRAVAIL: { payload: FRANCE_TRAVAIL_V1, note: "Convention de subvention mobilité France Travail" },
  DEADLINES: { payload: DEADLINES_V1, note: "Délais conventionnels et RGPD (annexe 1)" },
  RETENTION: { payload: RETENTION_V1, note: "Durées de conservation (annexe 1) — lecture la plus courte" },
  OPERATIONS: { payload: OPERATIONS_V1, note: "Paramètres de fonctionnement (valeurs par défaut métier)" },
};

/** Rows for the initial rule sets, each payload validated by its own schema. */
export function initialRuleSets(): Prisma.RuleSetCreateManyInput[] {
  return (Object.keys(PAYLOADS) as RuleSetKind[]).map((kind) => {
    const { payload, note } = PAYLOADS[kind];
    return {
      kind,
      version: 1,
      validFrom: RULE_SETS_VALID_FROM,
      payload: ruleSetPayloadSchemas[kind].parse(payload) as Prisma.InputJsonValue,
      note,
    };
  });
}

/**
 * Inserts the missing version-1 rule sets (existing ones, possibly edited, are left alone) and
 * returns the id of the rule set in force at `at` for each kind.
 */
export async function ensureInitialRuleSets(db: Db, at: Date): Promise<{ inserted: number; ids: Record<RuleSetKind, string> }> {
  const { count } = await db.ruleSet.createMany({ data: initialRuleSets(), skipDuplicates: true });
  const ids = {} as Record<RuleSetKind, string>;
  for (const kind of Object.keys(PAYLOADS) as RuleSetKind[]) {
    const row = await readRuleSetInForce(db, kind, at);
    if (!row) throw new Error(`Aucun jeu de règles ${kind} en vigueur au ${at.toISOString()}`);
    ids[kind] = row.id;
  }
  return { inserted: count, ids };
}
