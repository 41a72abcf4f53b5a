import "server-only";
// Company import: preview (mapping, row errors, duplicates) and run (all good rows in one
// transaction, recorded item by item so that the whole batch can be undone).
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { sirenOf } from "@/lib/companies/company.rules";
import { targetPlatform } from "@/lib/companies/company.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { COMPANY_IMPORT_FIELDS, guessMapping, missingRequired, validateCompanyRows, type ColumnMapping, type RowError, type ValidRow } from "@/lib/imports/import.rules";
import { readTable } from "@/lib/imports/read-table";

const CHUNK = 500;
const MAX_REPORTED_ERRORS = 500;
/** The company fields an import writes, restored by undo when it updated an existing company. */
const UPDATED_FIELDS = ["name", "siren", "nafCode", "sector", "addressLine", "inseeCode", "postalCode", "city"] as const;

export type ImportProgress = (processed: number, total: number) => void;

function assertCanImport(user: CurrentUser) {
  if (!can(user, "company.write")) throw new ForbiddenError();
}

async function savedMapping(db: DbOrTx, platformId: string): Promise<ColumnMapping | null> {
  const row = await db.importMapping.findUnique({ where: { platformId_kind: { platformId, kind: "COMPANIES" } } });
  return (row?.mapping as ColumnMapping | undefined) ?? null;
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
  const mapping = input.mapping ?? (await savedMapping(db, platformId)) ?? guessMapping(table.headers);
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

  // One transaction: the batch is in entirely or not at all (a crash leaves the data as it was).
  const batchId = await db.$transaction(
    async (tx) => {
      const { valid, errors: communeErrors, communes } = await checkCommunes(tx, checked.valid);
      const errors = [...checked.errors, ...communeErrors].sort((a, b) => a.line - b.line);
      const existing = new Map(
        (await tx.company.findMany({ where: { platformId, siret: { in: valid.map((v) => v.company.siret) } }, select: { id: true, siret: true, version: true, ...Object.fromEntries(UPDATED_FIELDS.map((f) => [f, true])) } })).map((c) => [c.siret, c]),
      );
      const batch = await tx.importBatch.create({
        data: { platformId, kind: "COMPANIES", fileName: input.fileName.slice(0, 200), mapping: input.mapping, duplicateMode: input.duplicateMode, totalRows: table.rows.length, createdById: user.id },
        select: { id: true },
      });
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
            items.push({ batchId: batch.id, entityType: "Company", entityId: prior.id, action: "UPDATED", before: JSON.parse(JSON.stringify(prior)) as Prisma.InputJsonValue });
            companyId = prior.id;
            updated++;
          } else {
            companyId = randomUUID();
            companies.push({ id: companyId, platformId, siret: c.siret, ...data, createdById: user.id });
            items.push({ batchId: batch.id, entityType: "Company", entityId: companyId, action: "CREATED" });
            created++;
          }
          if (row.contact) {
            const contactId = randomUUID();
            const k = row.contact;
            contacts.push({ id: contactId, platformId, companyId, lastName: k.lastName, firstName: k.firstName ?? null, jobTitle: k.jobTitle ?? null, proAddress: k.proAddress ?? null, proEmail: k.proEmail ?? null, proPhone: k.proPhone ?? null });
            items.push({ batchId: batch.id, entityType: "CompanyContact", entityId: contactId, action: "CREATED" });
          }
        }
        if (companies.length) await tx.company.createMany({ data: companies });
        if (contacts.length) await tx.companyContact.createMany({ data: contacts });
        if (items.length) await tx.importBatchItem.createMany({ data: items });
        onProgress(Math.min(i + CHUNK, valid.length), valid.length);
      }
      await tx.importBatch.update({
        where: { id: batch.id },
        data: { status: "DONE", createdCount: created, updatedCount: updated, skippedCount: skipped, errorCount: errors.length, errors: errors.slice(0, MAX_REPORTED_ERRORS) as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
      });
      await tx.importMapping.upsert({ where: { platformId_kind: { platformId, kind: "COMPANIES" } }, create: { platformId, kind: "COMPANIES", mapping: input.mapping }, update: { mapping: input.mapping } });
      await recordAudit(tx, { action: "import.companies", actorId: user.id, actorRole: user.role, entityType: "ImportBatch", entityId: batch.id, platformId, metadata: { fileName: input.fileName, created, updated, skipped, errors: errors.length } });
      return batch.id;
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
  return getImportBatch(db, user, batchId);
}

export async function getImportBatch(db: DbOrTx, user: CurrentUser, id: string) {
  const b = /^[0-9a-f-]{36}$/i.test(id) ? await db.importBatch.findFirst({ where: { id, platformId: { in: [...user.platformIds] } }, omit: { mapping: true } }) : null;
  if (!b) throw new NotFoundError("Import introuvable.");
  return { ...b, errors: b.errors as unknown as RowError[] };
}

export async function listImportBatches(db: DbOrTx, user: CurrentUser) {
  assertCanImport(user);
  return db.importBatch.findMany({ where: { platformId: { in: [...user.platformIds] }, kind: "COMPANIES" }, orderBy: { createdAt: "desc" }, take: 20, omit: { mapping: true, errors: true } });
}

/**
 * Undoes a whole batch: companies it created are deleted (unless they have acquired history since,
 * which is reported and kept), companies it updated get their previous values back.
 */
export async function undoImportBatch(db: Db, user: CurrentUser, id: string) {
  assertCanImport(user);
  return db.$transaction(
    async (tx) => {
      const batch = await getImportBatch(tx, user, id);
      if (batch.status !== "DONE") throw new UnprocessableError("Seul un import terminé peut être annulé.");
      const items = await tx.importBatchItem.findMany({ where: { batchId: id } });
      const createdCompanies = items.filter((i) => i.entityType === "Company" && i.action === "CREATED").map((i) => i.entityId);
      const withHistory = await tx.company.findMany({
        where: { id: { in: createdCompanies }, OR: [{ visits: { some: {} } }, { offers: { some: {} } }, { callbacks: { some: {} } }, { notes: { some: {} } }, { events: { some: {} } }] },
        select: { id: true, name: true },
      });
      const kept = new Set(withHistory.map((c) => c.id));
      const contactIds = items.filter((i) => i.entityType === "CompanyContact").map((i) => i.entityId);
      await tx.companyContact.deleteMany({ where: { id: { in: contactIds } } });
      await tx.company.deleteMany({ where: { id: { in: createdCompanies.filter((c) => !kept.has(c)) } } });
      for (const item of items.filter((i) => i.entityType === "Company" && i.action === "UPDATED")) {
        const before = item.before as Record<string, unknown>;
        await tx.company.update({ where: { id: item.entityId }, data: { ...Object.fromEntries(UPDATED_FIELDS.map((f) => [f, before[f] ?? null])), version: { increment: 1 } } });
      }
      await tx.importBatch.update({ where: { id }, data: { status: "UNDONE", undoneAt: new Date(), undoneById: user.id } });
      await recordAudit(tx, { action: "import.undone", actorId: user.id, actorRole: user.role, entityType: "ImportBatch", entityId: id, platformId: batch.platformId, metadata: { kept: withHistory.length } });
      return { undone: true, keptWithHistory: withHistory };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}
