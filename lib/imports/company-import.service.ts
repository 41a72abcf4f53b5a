import "server-only";
// Company import: preview (mapping, row errors, duplicates) and run (all good rows in one
// transaction, recorded item by item so that the whole batch can be undone).
import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/principal";
import { sirenOf } from "@/lib/companies/company.rules";
import { targetPlatform } from "@/lib/companies/company.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  assertCanImport as assertCanImportKind, COMPANY_UPDATED_FIELDS as UPDATED_FIELDS, getImportBatch, IMPORT_CHUNK as CHUNK, listImportBatches as listBatches, runImportBatch, savedMapping, type ImportProgress,
} from "@/lib/imports/import-batch.service";
import { COMPANY_IMPORT_FIELDS, guessMapping, missingRequired, validateCompanyRows, type ColumnMapping, type RowError, type ValidRow } from "@/lib/imports/import.rules";
import { readTable } from "@/lib/imports/read-table";

export { getImportBatch, undoImportBatch } from "@/lib/imports/import-batch.service";
export type { ImportProgress } from "@/lib/imports/import-batch.service";

function assertCanImport(user: CurrentUser) {
  assertCanImportKind(user, "COMPANIES");
}

/** Rows whose commune is unknown to the INSEE reference become row errors. */
async function checkCommunes(db: DbOrTx, valid: ValidRow[]): Promise<{ valid: ValidRow[]; errors: RowError[]; communes: Map<string, { name: string; postalCode: string | null }> }> {
  const codes = [...new Set(valid.map((v) => v.company.communeCode).filter((c): c is string => Boolean(c)))];
  const found = await db.commune.findMany({ where: { inseeCode: { in: codes } }, select: { inseeCode: true, name: true, postalCodes: true } });
  const communes = new Map(found.map((c) => [c.inseeCode, { name: c.name, postalCode: c.postalCodes[0] ?? null }]));
  const errors: RowError[] = [];
  const ok = valid.filter((v) => {
    if (v.company.communeCode && !communes.has(v.company.communeCode)) {
      errors.push({ line: v.line, field: "communeCode", message: "Commune inconnue du référentiel INSEE." });
      return false;
    }
    return true;
  });
  return { valid: ok, errors, communes };
}

export async function previewCompanyImport(db: Db, user: CurrentUser, input: { buffer: Buffer; mapping?: ColumnMapping; platformId?: string }) {
  assertCanImport(user);
  const platformId = targetPlatform(user, input.platformId);
  const table = await readTable(input.buffer);
  const mapping = input.mapping ?? (await savedMapping(db, platformId, "COMPANIES")) ?? guessMapping(table.headers);
  const missing = missingRequired(mapping);
  const checked = missing.length ? { valid: [], errors: [] as RowError[] } : validateCompanyRows(table.rows, mapping);
  const communes = await checkCommunes(db, checked.valid);
  const errors = [...checked.errors, ...communes.errors].sort((a, b) => a.line - b.line);
  const sirets = communes.valid.map((v) => v.company.siret);
  const duplicates = await db.company.count({ where: { platformId, siret: { in: sirets } } });
  return {
    headers: table.headers,
    fields: COMPANY_IMPORT_FIELDS.map(({ key, label, required }) => ({ key, label, required: required ?? false })),
    mapping,
    missing,
    totalRows: table.rows.length,
    validCount: communes.valid.length,
    errorCount: errors.length,
    errors: errors.slice(0, 100),
    duplicates,
    sample: table.rows.slice(0, 5),
  };
}

export async function runCompanyImport(
  db: Db,
  user: CurrentUser,
  input: { buffer: Buffer; fileName: string; mapping: ColumnMapping; duplicateMode: "UPDATE" | "SKIP"; platformId?: string },
  onProgress: ImportProgress = () => undefined,
) {
  assertCanImport(user);
  const platformId = targetPlatform(user, input.platformId);
  const table = await readTable(input.buffer);
  const missing = missingRequired(input.mapping);
  if (missing.length) throw new ValidationError({ mapping: [`Colonnes obligatoires non reliées : ${missing.join(", ")}.`] });
  const checked = validateCompanyRows(table.rows, input.mapping);

  // One transaction (runImportBatch): the batch is in entirely or not at all (a crash leaves the data as it was).
  const batchId = await runImportBatch(
    db, user,
    { platformId, kind: "COMPANIES", fileName: input.fileName, mapping: input.mapping, duplicateMode: input.duplicateMode, totalRows: table.rows.length },
    async (tx, batchId) => {
      const { valid, errors: communeErrors, communes } = await checkCommunes(tx, checked.valid);
      const errors = [...checked.errors, ...communeErrors].sort((a, b) => a.line - b.line);
      const existing = new Map(
        (await tx.company.findMany({ where: { platformId, siret: { in: valid.map((v) => v.company.siret) } }, select: { id: true, siret: true, version: true, ...Object.fromEntries(UPDATED_FIELDS.map((f) => [f, true])) } })).map((c) => [c.siret, c]),
      );
      let created = 0;
      let updated = 0;
      let skipped = 0;
      for (let i = 0; i < valid.length; i += CHUNK) {
        const chunk = valid.slice(i, i + CHUNK);
        const companies: Prisma.CompanyCreateManyInput[] = [];
        const contacts: Prisma.CompanyContactCreateManyInput[] = [];
        const items: Prisma.ImportBatchItemCreateManyInput[] = [];
        for (const row of chunk) {
          const c = row.company;
          const commune = c.communeCode ? communes.get(c.communeCode) : undefined;
          const data = { name: c.name, siren: sirenOf(c.siret), nafCode: c.nafCode ?? null, sector: c.sector ?? null, addressLine: c.address ?? null, inseeCode: c.communeCode ?? null, postalCode: commune?.postalCode ?? null, city: commune?.name ?? null };
          const prior = existing.get(c.siret);
          let companyId: string;
          if (prior) {
            if (input.duplicateMode === "SKIP") {
              skipped++;
              continue;
            }
            await tx.company.update({ where: { id: prior.id }, data: { ...data, version: { increment: 1 } } });
            items.push({ batchId, entityType: "Company", entityId: prior.id, action: "UPDATED", before: JSON.parse(JSON.stringify(prior)) as Prisma.InputJsonValue });
            companyId = prior.id;
            updated++;
          } else {
            companyId = randomUUID();
            companies.push({ id: companyId, platformId, siret: c.siret, ...data, createdById: user.id });
            items.push({ batchId, entityType: "Company", entityId: companyId, action: "CREATED" });
            created++;
          }
          if (row.contact) {
            const contactId = randomUUID();
            const k = row.contact;
            contacts.push({ id: contactId, platformId, companyId, lastName: k.lastName, firstName: k.firstName ?? null, jobTitle: k.jobTitle ?? null, proAddress: k.proAddress ?? null, proEmail: k.proEmail ?? null, proPhone: k.proPhone ?? null });
            items.push({ batchId, entityType: "CompanyContact", entityId: contactId, action: "CREATED" });
          }
        }
        if (companies.length) await tx.company.createMany({ data: companies });
        if (contacts.length) await tx.companyContact.createMany({ data: contacts });
        if (items.length) await tx.importBatchItem.createMany({ data: items });
        onProgress(Math.min(i + CHUNK, valid.length), valid.length);
      }
      return { created, updated, skipped, errors };
    },
  );
  return getImportBatch(db, user, batchId);
}

export async function listImportBatches(db: DbOrTx, user: CurrentUser) {
  return listBatches(db, user, "COMPANIES");
}
