// The prospecting score (pure): whom to visit next, and why. Documented in docs/prospection.md.
//
// score = 100 × Σ wₖ·pₖ / Σ wₖ, with five parts pₖ in [0, 1] and the weights wₖ of the OPERATIONS rule set:
// - trades    : min(1, job seekers of the platform looking for a trade this sector hires / tradesSaturation),
//               « hires » read from France Travail's ROME ↔ NAF hiring mapping (hirings ≥ minHirings);
// - headcount : the rule set's part for the INSEE headcount band;
// - age       : the rule set's part for the establishment's age band (young establishments recruit);
// - tension   : the share of this sector's hirings (per the mapping) that are in trades « en tension »;
// - distance  : 1 − distance to the job seekers / maxDistanceKm (0 beyond), the distance being the median
//               distance from the establishment's commune to the communes of the platform's job seekers.
import type { ProspectingRules } from "@/lib/rules/rule-set.schema";
import { headcountLabel } from "@/lib/sirene/sirene-file.rules";

export interface ProspectInput {
  /** Active job seekers of the platform looking for at least one trade this sector hires. */
  matchingSeekers: number;
  /** INSEE headcount band code, null when unknown. */
  headcountCode: string | null;
  /** Age in whole years on the day of the computation, null when the creation date is unknown. */
  ageYears: number | null;
  /** Share in [0, 1] of the sector's hirings that are in trades in tension; null when the sector is not in the mapping. */
  tensionShare: number | null;
  /** Median distance to the platform's job seekers, km; null when unknown (no seekers or no coordinates). */
  distanceKm: number | null;
}

export interface ProspectScore {
  /** 0–100, one decimal. */
  score: number;
  parts: { trades: number; headcount: number; age: number; tension: number; distance: number };
  /** Why it ranks there, in French, most important first. */
  reasons: string[];
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export function ageScore(ageYears: number | null, bands: ProspectingRules["ageBands"]): number {
  if (ageYears === null) return 0;
  const band = bands.find((b) => b.maxYears === null || ageYears < b.maxYears) ?? bands[bands.length - 1]!;
  return band.score;
}

export function distanceScore(distanceKm: number | null, maxDistanceKm: number): number {
  return distanceKm === null ? 0 : clamp01(1 - distanceKm / maxDistanceKm);
}

export function scoreProspect(input: ProspectInput, rules: ProspectingRules): ProspectScore {
  const parts = {
    trades: clamp01(input.matchingSeekers / rules.tradesSaturation),
    headcount: rules.headcountScores[input.headcountCode ?? "NN"] ?? rules.headcountScores.NN ?? 0,
    age: ageScore(input.ageYears, rules.ageBands),
    tension: clamp01(input.tensionShare ?? 0),
    distance: distanceScore(input.distanceKm, rules.maxDistanceKm),
  };
  const w = rules.weights;
  const total = w.trades + w.headcount + w.age + w.tension + w.distance;
  const raw = (w.trades * parts.trades + w.headcount * parts.headcount + w.age * parts.age + w.tension * parts.tension + w.distance * parts.distance) / total;
  return { score: Math.round(raw * 1000) / 10, parts, reasons: reasonsFor(input) };
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("fr-FR")} ${n > 1 ? many : one}`;
}

export function reasonsFor(input: ProspectInput): string[] {
  const out: string[] = [];
  if (input.matchingSeekers > 0) {
    out.push(`${plural(input.matchingSeekers, "demandeur recherche", "demandeurs recherchent")} des métiers que ce secteur recrute`);
  } else {
    out.push("aucun demandeur de la plateforme ne recherche un métier que ce secteur recrute");
  }
  out.push(headcountLabel(input.headcountCode));
  if (input.ageYears !== null) out.push(input.ageYears < 1 ? "créé il y a moins d'un an" : `créé il y a ${plural(input.ageYears, "an", "ans")}`);
  if (input.tensionShare !== null && input.tensionShare >= 0.5) out.push(`${Math.round(input.tensionShare * 100)} % de ses recrutements dans des métiers en tension`);
  if (input.distanceKm !== null) out.push(`à ${Math.round(input.distanceKm).toLocaleString("fr-FR")} km des demandeurs`);
  return out;
}

/** Great-circle distance in km (haversine, Earth radius 6 371 km). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Median of weighted values (each value counted `weight` times); null for an empty list. */
export function weightedMedian(values: { value: number; weight: number }[]): number | null {
  const list = values.filter((v) => v.weight > 0).sort((x, y) => x.value - y.value);
  const total = list.reduce((n, v) => n + v.weight, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const v of list) {
    seen += v.weight;
    if (seen * 2 >= total) return v.value;
  }
  return list[list.length - 1]!.value;
}

/** Whole years between two ISO dates (YYYY-MM-DD), birthday-style. */
export function wholeYears(fromIso: string, toIso: string): number {
  const [fy, fm, fd] = fromIso.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = toIso.split("-").map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
