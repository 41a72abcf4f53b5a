// INSEE reference data (communes, postal codes, EPCI, population) from @etalab/decoupage-administratif,
// shipped inside the npm package: loaded into the Commune table once, no network needed.
import { createRequire } from "node:module";
import type { Db } from "@/lib/db-client";

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  codesPostaux?: string[];
  population?: number;
}
interface EtalabEpci {
  code: string;
  nom: string;
  membres: { code: string }[];
}

const require = createRequire(import.meta.url);

/** Below this many rows the reference is considered not loaded (France has ≈ 35 000 communes). */
const LOADED_THRESHOLD = 30_000;
const BATCH = 5_000;

export function readCommuneReference() {
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as EtalabCommune[];
  const epcis = require("@etalab/decoupage-administratif/data/epci.json") as EtalabEpci[];
  const epciOf = new Map<string, { code: string; name: string }>();
  for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, { code: e.code, name: e.nom });
  return communes
    .filter((c) => c.type === "commune-actuelle" && c.departement)
    .map((c) => ({
      inseeCode: c.code,
      name: c.nom,
      postalCodes: c.codesPostaux ?? [],
      epciCode: epciOf.get(c.code)?.code ?? null,
      epciName: epciOf.get(c.code)?.name ?? null,
      departmentCode: c.departement!,
      population: c.population ?? 0,
    }));
}

/** Idempotent: returns the number of rows inserted (0 when the reference is already there). */
export async function loadCommuneReference(db: Db): Promise<number> {
  if ((await db.commune.count()) >= LOADED_THRESHOLD) return 0;
  const rows = readCommuneReference();
  let inserted = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const r = await db.commune.createMany({ data: rows.slice(i, i + BATCH), skipDuplicates: true });
    inserted += r.count;
  }
  return inserted;
}
