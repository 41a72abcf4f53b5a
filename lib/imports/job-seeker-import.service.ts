import "server-only";
// Job-seeker import: preview (mapping, row errors, probable duplicates) and run, on the generic
// import engine (import-batch.service.ts): one transaction, multi-row inserts by chunk, every item
// recorded for undo, every created or updated person audited.
import { randomUUID } from "node:crypto";
import type { AuditInput } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { targetPlatform } from "@/lib/companies/company.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  assertCanImport, getImportBatch, IMPORT_CHUNK, JOB_SEEKER_DATE_COLUMNS, listImportBatches, runImportBatch, savedMapping, type ImportProgress,
} from "@/lib/imports/import-batch.service";
import { guessMapping, type ColumnMapping, type RowError } from "@/lib/imports/import.rules";
import {
  JOB_SEEKER_IMPORT_FIELDS, matchExisting, missingJobSeekerFields, validateJobSeekerRows, type ExistingSeeker, type JobSeekerImportDefaults, type ValidJobSeekerRow,
} from "@/lib/imports/job-seeker-import.rules";
import { readTable } from "@/lib/imports/read-table";
import { toColumns } from "@/lib/job-seekers/job-seeker.dto";
import { activeSeekerWhere } from "@/lib/job-seekers/job-seeker.query";
import { DUPLICATE_REASON_LABELS, type DuplicateReason } from "@/lib/job-seekers/job-seeker.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";

export type DuplicateMode = "UPDATE" | "SKIP";

async function validate(db: DbOrTx, buffer: Buffer, mapping: ColumnMapping | undefined, platformId: string, defaults: JobSeekerImportDefaults, now: Date) {
  const table = await readTable(buffer);
  const used = mapping ?? (await savedMapping(db, platformId, "JOB_SEEKERS")) ?? guessMapping(table.headers, JOB_SEEKER_IMPORT_FIELDS);
  const missing = missingJobSeekerFields(used, defaults);
  if (missing.length) return { table, mapping: used, missing, valid: [] as ValidJobSeekerRow[], errors: [] as RowError[] };
  const { payload } = await getActiveRuleSet(db, "OPERATIONS", now);
  const checked = validateJobSeekerRows(table.rows, used, { defaults, now, minAge: payload.jobSeekerMinAge });
  return { table, mapping: used, missing, ...checked };
}

/** Active people of the platform (within the user's scope) who may be the same as a row. */
async function existingMatches(db: DbOrTx, user: CurrentUser, platformId: string, valid: ValidJobSeekerRow[]) {
  if (valid.length === 0) return new Map<number, { id: string; reasons: DuplicateReason[] }>();
  const ft = [...new Set(valid.map((v) => v.input.franceTravailId).filter((x): x is string => Boolean(x)))];
  const emails = [...new Set(valid.map((v) => v.input.email).filter((x): x is string => Boolean(x)))];
  const births = [...new Set(valid.flatMap((v) => (v.input.birthDate ? [v.input.birthDate.toISOString()] : [])))].map((d) => new Date(d));
  const existing: ExistingSeeker[] = await db.jobSeeker.findMany({
    where: { AND: [activeSeekerWhere(user), { platformId }, { OR: [{ franceTravailId: { in: ft } }, { email: { in: emails, mode: "insensitive" } }, { birthDate: { in: births } }] }] },
    select: { id: true, lastName: true, firstName: true, birthDate: true, email: true, franceTravailId: true },
  });
  return matchExisting(valid, existing);
}

export async function previewJobSeekerImport(db: Db, user: CurrentUser, input: { buffer: Buffer; mapping?: ColumnMapping; defaults?: JobSeekerImportDefaults; platformId?: string }, now = new Date()) {
  assertCanImport(user, "JOB_SEEKERS");
  const platformId = targetPlatform(user, input.platformId);
  const defaults = input.defaults ?? {};
  const v = await validate(db, input.buffer, input.mapping, platformId, defaults, now);
  const matches = await existingMatches(db, user, platformId, v.valid);
  // Line numbers and reasons only: the preview does not display the existing records' personal data.
  const duplicateLines = [...matches.entries()].slice(0, 100).map(([line, m]) => ({ line, reasons: m.reasons.map((r) => DUPLICATE_REASON_LABELS[r]) }));
  return {
    headers: v.table.headers,
    fields: JOB_SEEKER_IMPORT_FIELDS.map(({ key, label, required }) => ({ key, label, required: required ?? false })),
    mapping: v.mapping,
    missing: v.missing,
    totalRows: v.table.rows.length,
    validCount: v.valid.length,
    errorCount: v.errors.length,
    errors: v.errors.slice(0, 100),
    duplicates: matches.size,
    duplicateLines,
  };
}

/** The columns an import may write for one row (only what the row fills; never derived fields). */
function columnsOf(row: ValidJobSeekerRow): Record<string, unknown> {
  const picked = Object.fromEntries(row.filled.map((f) => [f, row.input[f]]));
  return toColumns(picked) as Record<string, unknown>;
}

export async function runJobSeekerImport(
  db: Db,
  user: CurrentUser,
  input: { buffer: Buffer; fileName: string; mapping: ColumnMapping; duplicateMode: DuplicateMode; defaults?: JobSeekerImportDefaults; platformId?: string },
  onProgress: ImportProgress = () => undefined,
  now = new Date(),
) {
  assertCanImport(user, "JOB_SEEKERS");
  const platformId = targetPlatform(user, input.platformId);
  const defaults = input.defaults ?? {};
  const v = await validate(db, input.buffer, input.mapping, platformId, defaults, now);
  if (v.missing.length) throw new ValidationError({ mapping: [`Données obligatoires non fournies : ${v.missing.join(", ")}.`] });
  const reason = "Import de demandeurs d'emploi";

  const batchId = await runImportBatch(
    db, user,
    { platformId, kind: "JOB_SEEKERS", fileName: input.fileName, mapping: input.mapping, duplicateMode: input.duplicateMode, totalRows: v.table.rows.length },
    async (tx, batchId) => {
      // Re-checked inside the transaction: a person created meanwhile is seen as a duplicate.
      const matches = await existingMatches(tx, user, platformId, v.valid);
      const audits: AuditInput[] = [];
      let created = 0;
      let updated = 0;
      let skipped = 0;
      for (let i = 0; i < v.valid.length; i += IMPORT_CHUNK) {
        const chunk = v.valid.slice(i, i + IMPORT_CHUNK);
        const people: Prisma.JobSeekerCreateManyInput[] = [];
        const items: Prisma.ImportBatchItemCreateManyInput[] = [];
        const toUpdate = chunk.filter((r) => matches.has(r.line));
        const priors = toUpdate.length && input.duplicateMode === "UPDATE"
          ? new Map((await tx.jobSeeker.findMany({ where: { id: { in: toUpdate.map((r) => matches.get(r.line)!.id) } } })).map((p) => [p.id, p as unknown as Record<string, unknown>]))
          : new Map<string, Record<string, unknown>>();
        const updatedHere = new Set<string>();
        for (const row of chunk) {
          const match = matches.get(row.line);
          if (match) {
            // Two rows matching the same existing person: only the first one updates it.
            if (input.duplicateMode === "SKIP" || updatedHere.has(match.id)) {
              skipped++;
              continue;
            }
            const data = columnsOf(row);
            // The existing record keeps how and when the person was informed and how they came.
            delete data.informedAt;
            delete data.informedChannel;
            delete data.origin;
            const prior = priors.get(match.id)!;
            const before = Object.fromEntries(Object.keys(data).map((k) => [k, JOB_SEEKER_DATE_COLUMNS.has(k) && prior[k] instanceof Date ? (prior[k] as Date).toISOString() : (prior[k] ?? null)]));
            await tx.jobSeeker.update({ where: { id: match.id }, data: { ...data, version: { increment: 1 } } });
            items.push({ batchId, entityType: "JobSeeker", entityId: match.id, action: "UPDATED", before: before as Prisma.InputJsonValue });
            audits.push({ action: "jobSeeker.updated", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: match.id, platformId, reason, metadata: { importBatchId: batchId, line: row.line, fields: Object.keys(data) } });
            updatedHere.add(match.id);
            updated++;
          } else {
            const id = randomUUID();
            people.push({ ...(toColumns(row.input) as Prisma.JobSeekerCreateManyInput), id, platformId, createdById: user.id, createdAt: now, lastContactAt: row.lastContactAt ?? now });
            items.push({ batchId, entityType: "JobSeeker", entityId: id, action: "CREATED" });
            audits.push({ action: "jobSeeker.created", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId, reason, metadata: { importBatchId: batchId, line: row.line } });
            created++;
          }
        }
        if (people.length) await tx.jobSeeker.createMany({ data: people });
        if (items.length) await tx.importBatchItem.createMany({ data: items });
        onProgress(Math.min(i + IMPORT_CHUNK, v.valid.length), v.valid.length);
      }
      return { created, updated, skipped, errors: v.errors, audits };
    },
  );
  return getImportBatch(db, user, batchId, "JOB_SEEKERS");
}

export async function listJobSeekerImportBatches(db: DbOrTx, user: CurrentUser) {
  return listImportBatches(db, user, "JOB_SEEKERS");
}
