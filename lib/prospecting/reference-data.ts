// Open reference data of the prospecting score, shipped in lib/prospecting/data/ and read once per process:
// - rome-naf-mapping.csv : France Travail's ROME ↔ NAF hiring mapping (hirings per trade and sector), as
//   published in the open-data repository of « La Bonne Boîte » (StartupsPoleEmploi/labonneboite,
//   labonneboite/common/data/rome_naf_mapping.csv, 2021);
// - metiers-tension.csv  : France Travail's tension indicator per trade (same source, metiers_tension.csv; national);
// - communes-hdf-centres.csv : the centre of each commune of Hauts-de-France, averaged from La Poste's
//   « base officielle des codes postaux » (same source, laposte_hexasmal.csv).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

const DATA = path.join(process.cwd(), "lib/prospecting/data");

function rows(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(DATA, file), "utf8"), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
}

export interface ProspectingReference {
  /** NAF (« 5610A ») → the trades it hires with their hirings. */
  hiringsByNaf: Map<string, { rome: string; hirings: number }[]>;
  /** ROME → France Travail's tension indicator (%), highest of its FAP rows. */
  tensionByRome: Map<string, number>;
  /** INSEE commune code → centre. */
  centres: Map<string, { lat: number; lon: number }>;
  /** ROME → label (from the mapping file). */
  romeLabels: Map<string, string>;
  /** NAF → label (from the mapping file). */
  nafLabels: Map<string, string>;
}

let cached: ProspectingReference | null = null;

export function prospectingReference(): ProspectingReference {
  if (cached) return cached;
  const hiringsByNaf = new Map<string, { rome: string; hirings: number }[]>();
  const romeLabels = new Map<string, string>();
  const nafLabels = new Map<string, string>();
  for (const r of rows("rome-naf-mapping.csv")) {
    const list = hiringsByNaf.get(r.naf_id!) ?? [];
    list.push({ rome: r.rome_id!, hirings: Number(r.hirings) });
    hiringsByNaf.set(r.naf_id!, list);
    romeLabels.set(r.rome_id!, r.rome_label!);
    nafLabels.set(r.naf_id!, r.naf_label!);
  }
  const tensionByRome = new Map<string, number>();
  for (const r of rows("metiers-tension.csv")) {
    const pct = Number(r.tension_pct);
    if (Number.isFinite(pct)) tensionByRome.set(r.rome_code!, Math.max(pct, tensionByRome.get(r.rome_code!) ?? 0));
  }
  const centres = new Map<string, { lat: number; lon: number }>();
  for (const r of rows("communes-hdf-centres.csv")) centres.set(r.inseeCode!, { lat: Number(r.lat), lon: Number(r.lon) });
  cached = { hiringsByNaf, tensionByRome, centres, romeLabels, nafLabels };
  return cached;
}
