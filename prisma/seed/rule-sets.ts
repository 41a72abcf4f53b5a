// Initial rule sets (version 1), read from the 2021–2025 framework (shared/DOMAIN.md §4–5).
// They are configuration, not demo data: an administrator versions them from here on.
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { RuleSetKind } from "@/lib/generated/prisma/enums";
import {
  PROSPECTING_DEFAULTS,
  ruleSetPayloadSchemas,
  type DeadlinesRules,
  type FranceTravailRules,
  type OperationsRules,
  type RegionFrameworkRules,
  type RetentionRules,
} from "@/lib/rules/rule-set.schema";

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
};

export const OPERATIONS_V1: OperationsRules = {
  // Business interpretation: the framework asks platforms to call back every numéro-vert company
  // but sets no delay; two calendar days is our default service level.
  numeroVertCallbackDelayDays: 2,
  callbackMaxAttempts: 3,
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
  const rows = await db.ruleSet.findMany({
    where: { validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gte: at } }] },
    orderBy: [{ validFrom: "desc" }, { version: "desc" }],
    select: { id: true, kind: true },
  });
  const ids = {} as Record<RuleSetKind, string>;
  for (const row of rows) ids[row.kind] ??= row.id;
  for (const kind of Object.keys(PAYLOADS) as RuleSetKind[]) {
    if (!ids[kind]) throw new Error(`Aucun jeu de règles ${kind} en vigueur au ${at.toISOString()}`);
  }
  return { inserted: count, ids };
}
