// France Travail monthly files of a mobility project (DOMAIN.md §3, convention de subvention):
// (a) the anonymous aggregated indicators, with small counts masked (statistical secrecy), and
// (b) the rows of the personal-data return. Pure: no Prisma, no Next, no clock.
import { monthsBetween, type MonthKey } from "@/lib/indicators/period.rules";

/** One mobility diagnostic of the month, as the aggregation needs it (no identity). */
export interface FtDiagnosticFact {
  jobSeekerId: string;
  diagnosticDone: boolean;
  accompanimentDone: boolean;
  accompanimentDurationDays: number | null;
  solutionRecommended: boolean;
  orientationMaterialFinancial: boolean;
  distanceBeforeKm: number | null;
  distanceAfterKm: number | null;
  satisfaction: number | null;
}

export type FtIndicatorKind = "count" | "mean";

export interface FtIndicatorDefinition {
  key: string;
  label: string;
  unit: string;
  kind: FtIndicatorKind;
  definition: string;
}

export const FT_INDICATORS: readonly FtIndicatorDefinition[] = [
  { key: "beneficiaries", label: "Volume de bénéficiaires", unit: "personnes", kind: "count",
    definition: "Personnes distinctes ayant au moins un diagnostic mobilité du projet daté du mois." },
  { key: "diagnostics", label: "Diagnostics réalisés", unit: "diagnostics", kind: "count",
    definition: "Diagnostics mobilité du projet datés du mois et marqués « diagnostic réalisé »." },
  { key: "accompaniments", label: "Accompagnements réalisés", unit: "accompagnements", kind: "count",
    definition: "Parmi les diagnostics du mois, ceux dont l'accompagnement est réalisé." },
  { key: "accompanimentMeanDays", label: "Durée moyenne des accompagnements", unit: "jours", kind: "mean",
    definition: "Moyenne, en jours (arrondie au dixième), de la durée des accompagnements réalisés du mois dont la durée est connue." },
  { key: "distanceMeasured", label: "Distances domicile-travail mesurées avant et après", unit: "personnes", kind: "count",
    definition: "Diagnostics du mois où la distance aller-retour acceptée est connue avant et après l'accompagnement." },
  { key: "distanceMeanChangeKm", label: "Évolution moyenne de la distance acceptée", unit: "km", kind: "mean",
    definition: "Moyenne (arrondie au dixième) de la distance aller-retour acceptée après moins avant, sur les diagnostics où les deux sont connues." },
  { key: "orientationsMaterialFinancial", label: "Orientations vers une solution matérielle ou financière", unit: "orientations", kind: "count",
    definition: "Diagnostics du mois ayant orienté la personne vers une solution matérielle ou financière." },
  { key: "solutionsRecommended", label: "Solutions préconisées", unit: "diagnostics", kind: "count",
    definition: "Diagnostics du mois ayant abouti à une solution préconisée." },
  { key: "satisfactionResponses", label: "Réponses de satisfaction", unit: "réponses", kind: "count",
    definition: "Diagnostics du mois où la satisfaction (1 à 5) a été recueillie." },
  { key: "satisfactionMean", label: "Satisfaction moyenne (sur 5)", unit: "note sur 5", kind: "mean",
    definition: "Moyenne (arrondie au dixième) des notes de satisfaction recueillies dans le mois." },
];

export interface FtIndicatorValue {
  key: string;
  /** The true figure (never written to the file when masked); null for a mean over nobody. */
  value: number | null;
  /** How many people/records the figure rests on (the count itself, or a mean's base). */
  base: number;
  masked: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length === 0 ? null : round1(xs.reduce((s, x) => s + x, 0) / xs.length));

/** A count is masked when 0 < count < threshold; a mean when its base is (its base masked too). */
export function isMasked(base: number, threshold: number): boolean {
  return base > 0 && base < threshold;
}

/** Aggregates the month's diagnostics of one project and masks what rests on fewer than `threshold` records. */
export function ftMonthlyIndicators(facts: readonly FtDiagnosticFact[], threshold: number): FtIndicatorValue[] {
  const durations = facts.filter((f) => f.accompanimentDone && f.accompanimentDurationDays !== null).map((f) => f.accompanimentDurationDays!);
  const distances = facts.filter((f) => f.distanceBeforeKm !== null && f.distanceAfterKm !== null).map((f) => f.distanceAfterKm! - f.distanceBeforeKm!);
  const satisfaction = facts.filter((f) => f.satisfaction !== null).map((f) => f.satisfaction!);
  const counts: Record<string, number> = {
    beneficiaries: new Set(facts.map((f) => f.jobSeekerId)).size,
    diagnostics: facts.filter((f) => f.diagnosticDone).length,
    accompaniments: facts.filter((f) => f.accompanimentDone).length,
    distanceMeasured: distances.length,
    orientationsMaterialFinancial: facts.filter((f) => f.orientationMaterialFinancial).length,
    solutionsRecommended: facts.filter((f) => f.solutionRecommended).length,
    satisfactionResponses: satisfaction.length,
  };
  const means: Record<string, { value: number | null; base: number }> = {
    accompanimentMeanDays: { value: mean(durations), base: durations.length },
    distanceMeanChangeKm: { value: mean(distances), base: distances.length },
    satisfactionMean: { value: mean(satisfaction), base: satisfaction.length },
  };
  return FT_INDICATORS.map((d) => {
    if (d.kind === "count") {
      const n = counts[d.key]!;
      return { key: d.key, value: n, base: n, masked: isMasked(n, threshold) };
    }
    const m = means[d.key]!;
    return { key: d.key, value: m.value, base: m.base, masked: isMasked(m.base, threshold) };
  });
}

/**
 * What the file shows in a cell: the figure, or the masking mark. A masked count reads « < 5 »
 * (the count itself is below the threshold); a masked mean reads « masquée (moins de 5 personnes) »
 * — its value may be anything, what is small is the number of people it is computed over. A mean
 * over enough people is shown as it is, even when its value is below the threshold.
 */
export function displayValue(v: FtIndicatorValue, threshold: number): number | string | null {
  if (!v.masked) return v.value;
  const def = FT_INDICATORS.find((d) => d.key === v.key);
  return def?.kind === "mean" ? `masquée (moins de ${threshold} personnes)` : `< ${threshold}`;
}

/** The sentence written under a table with masked cells, saying why (empty when nothing is masked). */
export function maskingNote(values: readonly FtIndicatorValue[], threshold: number): string {
  if (!values.some((v) => v.masked)) return "";
  return `Secret statistique : un effectif de 1 à ${threshold - 1} personnes est remplacé par « < ${threshold} », et une moyenne calculée sur moins de ${threshold} personnes est masquée, pour qu'aucune personne ne puisse être reconnue. Une moyenne calculée sur ${threshold} personnes ou plus est toujours donnée, quelle que soit sa valeur.`;
}

/** One diagnostic with the person it concerns, for the personal-data return. */
export interface FtBeneficiaryFact {
  jobSeekerId: string;
  lastName: string | null;
  firstName: string | null;
  franceTravailId: string | null;
  diagnosticDone: boolean;
  accompanimentDone: boolean;
  solutionRecommended: boolean;
  solutionType: string | null;
}

export interface FtBeneficiaryRow {
  name: string;
  franceTravailId: string;
  diagnosticDone: "O" | "N";
  accompanimentDone: "O" | "N";
  solutionRecommended: "O" | "N";
  solutionType: string;
}

const on = (b: boolean): "O" | "N" => (b ? "O" : "N");

/** One row per beneficiary of the month (all their diagnostics of the month combined), sorted by name. */
export function ftBeneficiaryRows(facts: readonly FtBeneficiaryFact[]): FtBeneficiaryRow[] {
  const byPerson = new Map<string, FtBeneficiaryFact[]>();
  for (const f of facts) byPerson.set(f.jobSeekerId, [...(byPerson.get(f.jobSeekerId) ?? []), f]);
  const rows = [...byPerson.values()].map((list): FtBeneficiaryRow => {
    const p = list[0]!;
    const types = [...new Set(list.filter((f) => f.solutionRecommended && f.solutionType).map((f) => f.solutionType!.trim()))];
    return {
      name: [p.lastName?.toUpperCase(), p.firstName].filter(Boolean).join(" "),
      franceTravailId: p.franceTravailId ?? "",
      diagnosticDone: on(list.some((f) => f.diagnosticDone)),
      accompanimentDone: on(list.some((f) => f.accompanimentDone)),
      solutionRecommended: on(list.some((f) => f.solutionRecommended)),
      solutionType: types.join(", "),
    };
  });
  return rows.sort((a, b) => a.name.localeCompare(b.name, "fr"));
}

/**
 * Last day of a convention that runs `durationMonths` from its signature (source convention: 12
 * months from signature, so signed 2026-03-15 → ends 2027-03-14). Calendar dates at midnight UTC;
 * the same day number months later (clamped to the month's end), minus one day.
 */
export function conventionEndDate(signedAt: Date, durationMonths: number): Date {
  const y = signedAt.getUTCFullYear();
  const m = signedAt.getUTCMonth() + durationMonths;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(signedAt.getUTCDate(), lastDay)) - 86_400_000);
}

/**
 * Months of a project: from its start month to the month its convention ends (`end`, included: a
 * convention ending on the 14th still has a file for that month), never beyond `current` (a future
 * month has no file yet). Latest first.
 */
export function projectMonths(start: MonthKey, end: MonthKey, current: MonthKey): MonthKey[] {
  const last = end < current ? end : current;
  if (last < start) return [];
  return monthsBetween(start, last).reverse();
}
