// Open data (issue 15 §2): the files pass the official SCDL « subventions » schema, checked by
// validators nobody on the project wrote — the Frictionless Table Schema validator (`tableschema`)
// for the CSV, ajv for the JSON against the same constraints — on files holding both funders, a
// single payment and a staged convention, and an amount with cents. Then the public URLs.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { NextRequest } from "next/server";
import { Table } from "tableschema";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as publicFile } from "@/app/donnees-ouvertes/[fichier]/route";
import { isValidSiret, withLuhnKey } from "@/lib/rules/siret.rules";
import { ruleSetPayloadSchemas } from "@/lib/rules/rule-set.schema";
import scdl from "@/lib/subsidy/scdl-subventions.schema.json";
import { SCDL_VERSION, scdlJsonDocument, toScdlCsv, type ScdlRecord } from "@/lib/subsidy/subsidy-compliance.rules";
import { publicOpenData } from "@/lib/subsidy/subsidy-compliance.service";
import { ensureInitialRuleSets, FRANCE_TRAVAIL_V1 } from "@/prisma/seed/rule-sets";
import { createPlatform } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-06-15T10:00:00.000Z");
const SIRET = withLuhnKey("2462003640001");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

type TsField = { name: string; type: "string" | "number" | "date" | "boolean"; constraints?: { required?: boolean; pattern?: string; maxLength?: number; enum?: string[]; minimum?: number; maximum?: number } };
const fields = scdl.fields as TsField[];

/** The Table Schema's constraints as a JSON Schema for one JSON record (native types, null when optional). */
function recordJsonSchema(): object {
  const properties: Record<string, object> = {};
  for (const f of fields) {
    const c = f.constraints ?? {};
    const base = f.type === "date" ? { type: "string", format: "date" } : f.type === "number" ? { type: "number" } : f.type === "boolean" ? { type: "boolean" } : { type: "string" };
    const extra = {
      ...(c.pattern ? { pattern: c.pattern } : {}), ...(c.maxLength ? { maxLength: c.maxLength } : {}), ...(c.enum ? { enum: c.enum } : {}),
      ...(c.minimum !== undefined ? { minimum: c.minimum } : {}), ...(c.maximum !== undefined ? { maximum: c.maximum } : {}),
    };
    properties[f.name] = c.required ? { ...base, ...extra } : { anyOf: [{ ...base, ...extra }, { type: "null" }] };
  }
  return { type: "object", properties, required: fields.map((f) => f.name), additionalProperties: false };
}

/** ajv in strict mode; the schema's patterns are written for non-Unicode regular expressions (« \- »). */
function newAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true, allowUnionTypes: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv;
}

/** Validata's custom checks of the schema (french-siret-value, one-of-required), which Table Schema validators do not run. */
function customChecks(r: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const col of ["idAttribuant", "idBeneficiaire"]) {
    const v = r[col];
    if (v !== null && v !== "" && v !== undefined && !isValidSiret(String(v))) errors.push(`${col} : SIRET invalide ${String(v)}`);
  }
  if (!r.idBeneficiaire && !r.rnaBeneficiaire) errors.push("idBeneficiaire ou rnaBeneficiaire requis");
  return errors;
}

/** Validates a CSV text with tableschema against the official schema; returns the cast rows or throws with the validator's errors. */
async function validateCsv(csv: string): Promise<{ headers: string[]; rows: Record<string, unknown>[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), "scdl-"));
  try {
    const file = path.join(dir, "subventions.csv");
    await writeFile(file, csv, "utf8");
    const table = await Table.load(file, { schema: scdl, delimiter: "," });
    const rows = (await table.read({ keyed: true, cast: true, forceCast: true })) as (Record<string, unknown> | Error)[];
    const errors = rows.flatMap((r, i) => (r instanceof Error ? [`ligne ${i + 2} : ${r.message} ${JSON.stringify((r as Error & { errors?: Error[] }).errors?.map((e) => e.message) ?? [])}`] : customChecks(r).map((e) => `ligne ${i + 2} : ${e}`)));
    if (errors.length > 0) throw new Error(errors.join("\n"));
    return { headers: table.headers, rows: rows as Record<string, unknown>[] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function seedConventions() {
  await ensureInitialRuleSets(db, day("2021-01-01"));
  const p = await createPlatform(db, "Lens-Liévin");
  await db.platform.update({ where: { id: p.id }, data: { carryingStructureSiret: SIRET, carryingStructureName: "Communauté d'agglomération de Lens-Liévin" } });
  const file = async (funder: "REGION" | "FRANCE_TRAVAIL", year: number, awardedCents: number, status: "SIGNED" | "AWARDED", dueDates: (string | null)[]) => {
    const f = await db.subsidyFile.create({
      data: { platformId: p.id, year, funder, status, awardedCents: BigInt(awardedCents), signedAt: status === "SIGNED" ? day(`${year}-03-15`) : null, deliberationNumber: funder === "REGION" ? `CP-${year}-07` : null },
    });
    for (const [i, d] of dueDates.entries()) {
      await db.tranche.create({ data: { subsidyFileId: f.id, rank: i + 1, label: `Tranche ${i + 1}`, shareBp: Math.floor(10_000 / dueDates.length), amountCents: BigInt(Math.floor(awardedCents / dueDates.length)), dueAt: d ? day(d) : null } });
    }
    return f;
  };
  await file("REGION", 2025, 10_000_050, "SIGNED", ["2025-04-01", "2025-10-01", "2026-04-01"]); // staged, 100 000,50 €
  await file("FRANCE_TRAVAIL", 2026, 4_000_000, "SIGNED", [null]); // single payment, date unknown: the signature date
  await file("FRANCE_TRAVAIL", 2025, 2_300_001, "SIGNED", ["2025-09-30"]); // 23 000,01 €: strictly above
  await file("REGION", 2024, 2_300_000, "SIGNED", ["2024-04-01"]); // 23 000 € exactly: not published
  await file("REGION", 2026, 9_000_000, "AWARDED", ["2026-09-01"]); // not signed: not published
  return p;
}

beforeEach(resetDb);

describe("données ouvertes des conventions (SCDL subventions)", () => {
  it(`follow the current official schema (${SCDL_VERSION}): CSV through tableschema, JSON through ajv`, async () => {
    expect(scdl.version).toBe(SCDL_VERSION);
    await seedConventions();
    const { records, unconfigured } = await publicOpenData(db, NOW);
    expect(unconfigured).toBe(0);
    expect(records.map((r) => [r.nomAttribuant, r.montant, r.conditionsVersement, r.datesPeriodeVersement]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      ["France Travail", 23000.01, "unique", "2025-09-30"],
      ["France Travail", 40000, "unique", "2026-03-15"],
      ["Région Hauts-de-France", 100000.5, "échelonné", "2025-04-01/2026-04-01"],
    ]);
    expect(records.every((r) => r.pourcentageSubvention === 1)).toBe(true);
    expect(records.filter((r) => r.nomAttribuant === "France Travail").map((r) => r.idAttribuant)).toEqual(["13000548117501", "13000548117501"]);

    const csv = toScdlCsv(records);
    const { headers, rows } = await validateCsv(csv);
    expect(headers).toEqual(fields.map((f) => f.name)); // every field, in the schema's order
    expect(rows).toHaveLength(3);
    expect(csv).toContain(",100000.50,");

    const ajv = newAjv();
    const validateDoc = ajv.compile({ type: "object", properties: { schema: { const: "scdl/subventions" }, version: { const: SCDL_VERSION }, records: { type: "array", items: recordJsonSchema() } }, required: ["schema", "version", "records"], additionalProperties: false });
    const doc = JSON.parse(JSON.stringify(scdlJsonDocument(records))) as { records: Record<string, unknown>[] };
    expect(validateDoc(doc), JSON.stringify(validateDoc.errors)).toBe(true);
    expect(doc.records.flatMap(customChecks)).toEqual([]);
  });

  it("the validators do catch what the export used to write", async () => {
    await seedConventions();
    const { records } = await publicOpenData(db, NOW);
    const staged = records.find((r) => r.conditionsVersement === "échelonné")!;
    const broken = (patch: Partial<Record<keyof ScdlRecord, unknown>>) => toScdlCsv([{ ...staged, ...patch } as ScdlRecord]);
    await expect(validateCsv(broken({ datesPeriodeVersement: "2025-04-01_2026-04-01" }))).rejects.toThrow(/pattern/i);
    await expect(validateCsv(broken({ idAttribuant: "" }))).rejects.toThrow(/required/i);
    await expect(validateCsv(broken({ idAttribuant: "13000548117502" }))).rejects.toThrow(/SIRET invalide/);
    await expect(validateCsv(broken({ pourcentageSubvention: 1.25 }))).rejects.toThrow(/maximum/i);
    // A file missing the schema's optional columns (the 13-column export of before).
    const thirteen = csv13(records);
    await expect(validateCsv(thirteen)).rejects.toThrow(/header/i);
    const ajv = newAjv();
    const validate = ajv.compile(recordJsonSchema());
    expect(validate({ ...staged, montant: "100000.50" })).toBe(false);
  });

  it("an attributor SIRET is checked with its Luhn key in the rule set", () => {
    const schema = ruleSetPayloadSchemas.FRANCE_TRAVAIL;
    expect(schema.safeParse(FRANCE_TRAVAIL_V1).success).toBe(true);
    const bad = schema.safeParse({ ...FRANCE_TRAVAIL_V1, attributor: { name: "France Travail", siret: "13000548117502" } });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain("SIRET invalide (clé de contrôle de Luhn).");
  });

  it("is published without login at stable URLs, with Last-Modified, and answers 304 when unchanged", async () => {
    await seedConventions();
    const get = (name: string, headers: Record<string, string> = {}) =>
      publicFile(new NextRequest(`http://localhost/donnees-ouvertes/${name}`, { headers }), { params: Promise.resolve({ fichier: name }) });
    const csv = await get("subventions.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const lastModified = csv.headers.get("last-modified")!;
    const latest = await db.subsidyFile.aggregate({ _max: { updatedAt: true }, where: { status: "SIGNED" } });
    expect(new Date(lastModified).getTime()).toBe(Math.floor(latest._max.updatedAt!.getTime() / 1000) * 1000);
    const body = await csv.text();
    expect((await validateCsv(body)).rows).toHaveLength(3);
    expect(body).not.toContain("@"); // nothing personal: no e-mail address, no person

    const json = await get("subventions.json");
    expect(json.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(((await json.json()) as { records: unknown[] }).records).toHaveLength(3);
    expect((await get("subventions.csv", { "if-modified-since": lastModified })).status).toBe(304);
    expect((await get("subventions.xlsx")).status).toBe(404);
  });
});

/** The export as it was before issue 15: 13 columns, « _ » between dates, amounts as text. */
function csv13(records: ScdlRecord[]): string {
  const cols = ["nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "objet", "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "notificationUE", "pourcentageSubvention"] as const;
  const cell = (v: unknown) => (v === null ? "" : typeof v === "boolean" ? (v ? "oui" : "non") : String(v));
  return [cols.join(","), ...records.map((r) => cols.map((c) => `"${cell(r[c]).replace(/"/g, '""')}"`).join(","))].join("\r\n") + "\r\n";
}
