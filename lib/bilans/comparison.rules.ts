// Platform comparison of the region view (issue 17): each platform's value, its share of the
// region total, sorted on the column the user picked. Pure.
import { INDICATOR_BY_KEY, INDICATORS, type Figures } from "@/lib/indicators/indicators";

/** Indicators the comparison shows by default (the user may pick others). */
export const DEFAULT_COMPARED = ["offersCollected", "hires", "jobSeekersReceived", "companiesVisited"] as const;

/** Indicators a user may pick: all but the governance minimum spread per month. */
export const COMPARABLE = INDICATORS.filter((d) => d.key !== "governanceMeetingsRequired");

export function pickIndicators(raw: string | string[] | undefined): string[] {
  const asked = [raw ?? []].flat().flatMap((v) => v.split(",")).filter((k) => COMPARABLE.some((d) => d.key === k));
  return asked.length > 0 ? [...new Set(asked)] : [...DEFAULT_COMPARED];
}

export interface ComparedCell {
  value: number | null;
  /** Share of the region total in whole percent; null for medians (no sum to share) or a zero total. */
  share: number | null;
}

export interface ComparedRow {
  platform: { id: string; name: string };
  provisional: boolean;
  cells: Record<string, ComparedCell>;
}

export function compareRows(
  rows: readonly { platform: { id: string; name: string }; total: Figures; provisional: boolean }[],
  regionTotal: Figures,
  keys: readonly string[],
  sort: { key: string | null; dir: "asc" | "desc" },
): ComparedRow[] {
  const out = rows.map((r) => ({
    platform: r.platform,
    provisional: r.provisional,
    cells: Object.fromEntries(keys.map((k) => {
      const value = r.total[k] ?? null;
      const total = regionTotal[k];
      const additive = INDICATOR_BY_KEY.get(k)?.aggregation !== "median";
      return [k, { value, share: additive && value !== null && typeof total === "number" && total > 0 ? Math.round((value / total) * 100) : null }];
    })),
  }));
  const key = sort.key;
  if (key && keys.includes(key)) {
    const sign = sort.dir === "asc" ? 1 : -1;
    out.sort((a, b) => sign * ((a.cells[key]!.value ?? -Infinity) - (b.cells[key]!.value ?? -Infinity)) || a.platform.name.localeCompare(b.platform.name, "fr"));
  } else {
    out.sort((a, b) => sign(sort.dir) * a.platform.name.localeCompare(b.platform.name, "fr"));
  }
  return out;
}

const sign = (dir: "asc" | "desc") => (dir === "asc" ? 1 : -1);
