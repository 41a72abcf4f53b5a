// Published reference data loaded into the database once, with its source and version
// (ReferenceDataset), like the INSEE communes (lib/communes/commune-reference.ts):
// - ROME (France Travail's job referential): codes, labels and appellations (OGR job titles → code),
//   as carried by the public repository StartupsPoleEmploi/labonneboite (labonneboite/common/data/,
//   commit 7f4c797, files last updated 2021-07-05), stored gzipped in prisma/reference/;
// - NAF rév. 2 sub-classes (INSEE) from the npm package @socialgouv/codes-naf.
// Everything ships with the repository: no network needed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { Db } from "@/lib/db-client";
import { normalizeSearch } from "@/lib/search/normalize";

const DATA_DIR = path.join(process.cwd(), "prisma/reference");
const BATCH = 5_000;

export const ROME_SOURCE = {
  name: "rome",
  source: "France Travail, ROME (codes, libellés, appellations OGR) — github.com/StartupsPoleEmploi/labonneboite, labonneboite/common/data/ (commit 7f4c797)",
  version: "2021-07-05",
};
export const NAF_SOURCE = { name: "naf", source: "INSEE, nomenclature NAF rév. 2 — paquet npm @socialgouv/codes-naf 1.1.1", version: "NAF rév. 2 (2008)" };

/** Rows of a '|'-separated, gzipped CSV of prisma/reference/ (header skipped). */
export function readPipeCsv(file: string): string[][] {
  const text = gunzipSync(readFileSync(path.join(DATA_DIR, file))).toString("utf8");
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== "")
    .map((l) => l.split("|").map((c) => c.trim()));
}

export function readRomeReference() {
  const codes = readPipeCsv("rome_labels.csv.gz").map(([code, label]) => ({ code: code!, label: label!, searchText: normalizeSearch(`${code} ${label}`) }));
  const known = new Set(codes.map((c) => c.code));
  const romeOf = new Map(readPipeCsv("ogr_rome_mapping.csv.gz").map(([ogr, rome]) => [ogr!, rome!]));
  const appellations = readPipeCsv("ogr_labels.csv.gz").flatMap(([ogrCode, label]) => {
    const romeCode = romeOf.get(ogrCode!);
    return romeCode && known.has(romeCode) ? [{ ogrCode: ogrCode!, label: label!, romeCode, searchText: normalizeSearch(label!) }] : [];
  });
  return { codes, appellations };
}

export function readNafReference() {
  const require = createRequire(import.meta.url);
  const all = require("@socialgouv/codes-naf/index.json") as { id: string; label: string }[];
  return all
    .filter((n) => /^\d\d\.\d\d[A-Z]$/.test(n.id))
    .map((n) => {
      const code = n.id.replace(".", "");
      return { code, label: n.label, searchText: normalizeSearch(`${code} ${n.id} ${n.label}`) };
    });
}

async function insertAll<T>(rows: T[], create: (data: T[]) => Promise<{ count: number }>): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += BATCH) n += (await create(rows.slice(i, i + BATCH))).count;
  return n;
}

/** Idempotent: loads ROME and NAF when their version is not the one recorded; returns the rows inserted. */
export async function loadJobReferences(db: Db): Promise<{ rome: number; naf: number }> {
  const loaded = new Map((await db.referenceDataset.findMany()).map((d) => [d.name, d.version]));
  let rome = 0;
  let naf = 0;
  if (loaded.get(ROME_SOURCE.name) !== ROME_SOURCE.version) {
    const { codes, appellations } = readRomeReference();
    await db.$transaction(async (tx) => {
      await tx.romeAppellation.deleteMany();
      await tx.romeCode.deleteMany();
      rome = await insertAll(codes, (data) => tx.romeCode.createMany({ data }));
      rome += await insertAll(appellations, (data) => tx.romeAppellation.createMany({ data }));
      const row = { ...ROME_SOURCE, rowCount: rome, loadedAt: new Date() };
      await tx.referenceDataset.upsert({ where: { name: ROME_SOURCE.name }, create: row, update: row });
    }, { timeout: 120_000 });
  }
  if (loaded.get(NAF_SOURCE.name) !== NAF_SOURCE.version) {
    const rows = readNafReference();
    await db.$transaction(async (tx) => {
      await tx.nafCode.deleteMany();
      naf = await insertAll(rows, (data) => tx.nafCode.createMany({ data }));
      const row = { ...NAF_SOURCE, rowCount: naf, loadedAt: new Date() };
      await tx.referenceDataset.upsert({ where: { name: NAF_SOURCE.name }, create: row, update: row });
    });
  }
  return { rome, naf };
}
