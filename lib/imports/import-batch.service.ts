import "server-only";
// The generic import engine shared by every kind of import (companies, job seekers): saved column
// mapping per platform and kind, the batch record (one transaction: a batch is in entirely or not
// at all), item-by-item bookkeeping so that a whole batch can be undone, listing and undo.
import { recordAudit, recordAuditMany, type AuditInput } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, type Action } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { ColumnMapping, RowError } from "@/lib/imports/import.rules";

export const IMPORT_CHUNK = 500;
const MAX_REPORTED_ERRORS = 500;
const TX = { timeout: 300_000, maxWait: 10_000 };

export type ImportProgress = (processed: number, total: number) => void;

/** Who may import (and undo) each kind. */
export const IMPORT_PERMISSION: Record<ImportKind, Action> = { COMPANIES: "company.write", JOB_SEEKERS: "jobSeeker.write" };

export function assertCanImport(user: CurrentUser, kind: ImportKind) {
  if (!can(user, IMPORT_PERMISSION[kind])) throw new ForbiddenError();
}

export async function savedMapping(db: DbOrTx, platformId: string, kind: ImportKind): Promise<ColumnMapping | null> {
  const row = await db.importMapping.findUnique({ where: { platformId_kind: { platformId, kind } } });
  return (row?.mapping as ColumnMapping | undefined) ?? null;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  skipped: number;
  errors: RowError[];
  /** Extra audit events written with the batch (e.g. one per created person). */
  audits?: AuditInput[];
}

/**
 * Runs `work` inside one transaction with a fresh batch record, then closes the batch, saves the
 * mapping for the platform and audits the import. `work` records what it writes with `items`.
 */
export async function runImportBatch(
  db: Db,
  user: CurrentUser,
  batch: { platformId: string; kind: ImportKind; fileName: string; mapping: ColumnMapping; duplicateMode: "UPDATE" | "SKIP"; totalRows: number },
  work: (tx: Prisma.TransactionClient, batchId: string) => Promise<BatchOutcome>,
): Promise<string> {
  assertCanImport(user, batch.kind);
  return db.$transaction(async (tx) => {
    const { id } = await tx.importBatch.create({
      data: {
        platformId: batch.platformId, kind: batch.kind, fileName: batch.fileName.slice(0, 200), mapping: batch.mapping,
        duplicateMode: batch.duplicateMode, totalRows: batch.totalRows, createdById: user.id,
      },
      select: { id: true },
    });
    const out = await work(tx, id);
    await tx.importBatch.update({
      where: { id },
      data: { status: "DONE", createdCount: out.created, updatedCount: out.updated, skippedCount: out.skipped, errorCount: out.errors.length, errors: out.errors.slice(0, MAX_REPORTED_ERRORS) as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
    });
    await tx.importMapping.upsert({ where: { platformId_kind: { platformId: batch.platformId, kind: batch.kind } }, create: { platformId: batch.platformId, kind: batch.kind, mapping: batch.mapping }, update: { mapping: batch.mapping } });
    if (out.audits?.length) await recordAuditMany(tx, out.audits);
    await recordAudit(tx, {
      action: batch.kind === "COMPANIES" ? "import.companies" : "import.jobSeekers", actorId: user.id, actorRole: user.role, entityType: "ImportBatch", entityId: id, platformId: batch.platformId,
      metadata: { fileName: batch.fileName, created: out.created, updated: out.updated, skipped: out.skipped, errors: out.errors.length },
    });
    return id;
  }, TX);
}

/** A batch of the user's platforms (of `kind` when given): another platform's batch → 404. */
export async function getImportBatch(db: DbOrTx, user: CurrentUser, id: string, kind?: ImportKind) {
  const b = /^[0-9a-f-]{36}$/i.test(id) ? await db.importBatch.findFirst({ where: { id, platformId: { in: [...user.platformIds] }, ...(kind ? { kind } : {}) }, omit: { mapping: true } }) : null;
  if (!b) throw new NotFoundError("Import introuvable.");
  return { ...b, errors: b.errors as unknown as RowError[] };
}

export async function listImportBatches(db: DbOrTx, user: CurrentUser, kind: ImportKind = "COMPANIES") {
  assertCanImport(user, kind);
  return db.importBatch.findMany({ where: { platformId: { in: [...user.platformIds] }, kind }, orderBy: { createdAt: "desc" }, take: 20,
    select: {
      id: true, platformId: true, kind: true, fileName: true, status: true, duplicateMode: true, totalRows: true, createdCount: true, updatedCount: true,
      skippedCount: true, errorCount: true, createdById: true, createdAt: true, finishedAt: true, undoneAt: true, undoneById: true,
    },
  });
}

type Item = { entityType: string; entityId: string; action: string; before: Prisma.JsonValue };
type Undone = { kept: { id: string; name: string }[]; audits: AuditInput[] };
/** Per entity type: how undo removes what a batch created and restores what it updated. */
type UndoHandler = (tx: Prisma.TransactionClient, items: Item[], ctx: { user: CurrentUser; platformId: string; batchId: string }) => Promise<Undone>;

/** The company fields an import writes, restored by undo when it updated an existing company. */
export const COMPANY_UPDATED_FIELDS = ["name", "siren", "nafCode", "sector", "addressLine", "inseeCode", "postalCode", "city"] as const;

const undoCompanies: UndoHandler = async (tx, items) => {
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
    await tx.company.update({ where: { id: item.entityId }, data: { ...Object.fromEntries(COMPANY_UPDATED_FIELDS.map((f) => [f, before[f] ?? null])), version: { increment: 1 } } });
  }
  return { kept: withHistory, audits: [] };
};

/** JobSeeker columns holding dates: the `before` snapshot stores them as ISO strings. */
export const JOB_SEEKER_DATE_COLUMNS = new Set(["birthDate", "informedAt", "trainingStartDate"]);

const undoJobSeekers: UndoHandler = async (tx, items, { user, platformId, batchId }) => {
  const created = items.filter((i) => i.entityType === "JobSeeker" && i.action === "CREATED").map((i) => i.entityId);
  // A person followed since the import (proposal, note, diagnostic, event, rights request) is kept and reported.
  const withHistory = await tx.jobSeeker.findMany({
    where: { id: { in: created }, OR: [{ proposals: { some: {} } }, { interactions: { some: {} } }, { diagnostics: { some: {} } }, { events: { some: {} } }, { rights: { some: {} } }] },
    select: { id: true, lastName: true, firstName: true },
  });
  const kept = new Set(withHistory.map((p) => p.id));
  const removed = created.filter((id) => !kept.has(id));
  await tx.jobSeeker.deleteMany({ where: { id: { in: removed } } });
  const updated = items.filter((i) => i.entityType === "JobSeeker" && i.action === "UPDATED");
  for (const item of updated) {
    const before = item.before as Record<string, unknown>;
    const data = Object.fromEntries(Object.entries(before).map(([k, v]) => [k, JOB_SEEKER_DATE_COLUMNS.has(k) && typeof v === "string" ? new Date(v) : v]));
    await tx.jobSeeker.update({ where: { id: item.entityId }, data: { ...data, version: { increment: 1 } } });
  }
  const reason = "Annulation d'un import de demandeurs d'emploi";
  const audits: AuditInput[] = [
    ...removed.map((id) => ({ action: "jobSeeker.deleted", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: id, platformId, reason, metadata: { importBatchId: batchId } })),
    ...updated.map((i) => ({ action: "jobSeeker.updated", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: i.entityId, platformId, reason, metadata: { importBatchId: batchId, fields: Object.keys(i.before as object) } })),
  ];
  return { kept: withHistory.map((p) => ({ id: p.id, name: `${p.lastName ?? ""} ${p.firstName ?? ""}`.trim() })), audits };
};

const UNDO: Record<ImportKind, UndoHandler> = { COMPANIES: undoCompanies, JOB_SEEKERS: undoJobSeekers };

/**
 * Undoes a whole batch: what it created is deleted (unless it has acquired history since, which is
 * reported and kept), what it updated gets its previous values back.
 */
export async function undoImportBatch(db: Db, user: CurrentUser, id: string, kind?: ImportKind) {
  return db.$transaction(async (tx) => {
    const batch = await getImportBatch(tx, user, id, kind);
    assertCanImport(user, batch.kind);
    if (batch.status !== "DONE") throw new UnprocessableError("Seul un import terminé peut être annulé.");
    const items = await tx.importBatchItem.findMany({ where: { batchId: id }, select: { entityType: true, entityId: true, action: true, before: true } });
    const { kept, audits } = await UNDO[batch.kind](tx, items, { user, platformId: batch.platformId, batchId: id });
    await tx.importBatch.update({ where: { id }, data: { status: "UNDONE", undoneAt: new Date(), undoneById: user.id } });
    if (audits.length) await recordAuditMany(tx, audits);
    await recordAudit(tx, { action: "import.undone", actorId: user.id, actorRole: user.role, entityType: "ImportBatch", entityId: id, platformId: batch.platformId, metadata: { kind: batch.kind, kept: kept.length } });
    return { undone: true, keptWithHistory: kept };
  }, TX);
}
