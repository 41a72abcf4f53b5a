import "server-only";
// Exports of a list's current view (filters + sort) as CSV/XLSX (issue 5, item 4). Small exports
// stream straight to the browser; above the rule set's threshold a TableExport row is queued and
// the "table-exports" job (lib/jobs/registry.ts) writes the file in the background, with progress.
// A file is kept for the rule set's number of days and only its author may download it. Every
// export and every download is audited.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { recordAudit } from "@/lib/audit/audit.service";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { can, denialMessage } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { exportList, type Cell, type ExportList } from "@/lib/exports/table-export.lists";
import type { ExportFormat, StatedPurpose, TableExportDto } from "@/lib/exports/table-export.schema";
import { writeTable } from "@/lib/exports/table-export.writer";
import { logger } from "@/lib/logger";
import { parisToday } from "@/lib/paris-day";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { zodFieldErrors } from "@/lib/validation";

/** Rows read per query (the lists' maximum page size). */
export const EXPORT_BATCH_SIZE = 200;
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function contentTypeOf(format: ExportFormat): string {
  return CONTENT_TYPES[format];
}

function exportsDir(): string {
  return path.resolve(env.STORAGE_DIR, "exports");
}

function filePath(storageKey: string): string {
  if (!/^exports\/[0-9a-f-]{36}\.(csv|xlsx)$/.test(storageKey)) throw new Error("Invalid export key");
  return path.resolve(env.STORAGE_DIR, storageKey);
}

function fileName(list: ExportList, format: ExportFormat, at: Date): string {
  const slug = list.label.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/-$/, "");
  return `${slug}-${parisToday(at)}.${format}`;
}

function resolveList(user: CurrentUser, key: string): ExportList {
  const list = exportList(key);
  if (!list) throw new NotFoundError("Liste inconnue.");
  if (!can(user, "tableExport.run") || !can(user, list.permission)) throw new ForbiddenError();
  // Issue 22 §6: identities leave the application only for the roles whose work needs them.
  if (list.identities && !can(user, "identityExport.run")) throw new ForbiddenError(denialMessage("identityExport.run", user));
  return list;
}

/**
 * The purpose stated for an export of identities (issue 22 §6; Région annex 1 art. 3.1 point 2: the
 * processor processes the data « que pour la ou les seule(s) finalité(s) qui fait/font l'objet de la
 * sous-traitance »): one of the rule set's purposes, plus an optional precision. Null for a list
 * without identities (nothing asked).
 */
export function statedPurpose(list: ExportList, raw: Record<string, unknown>, purposes: readonly { code: string; label: string }[]): StatedPurpose | null {
  if (!list.identities) return null;
  const code = typeof raw.purpose === "string" ? raw.purpose.trim() : "";
  const found = purposes.find((p) => p.code === code);
  if (!found) {
    const message = code ? "Finalité inconnue : choisissez-en une dans la liste." : "Indiquez la finalité de l'export : la liste contient l'identité des personnes.";
    throw new ValidationError({ purpose: [message] }, message);
  }
  const text = typeof raw.purposeText === "string" && raw.purposeText.trim() ? raw.purposeText.trim().slice(0, 300) : null;
  return { code: found.code, label: found.label, text };
}

const purposeReason = (p: StatedPurpose) => (p.text ? `${p.label} — ${p.text}` : p.label);

/** The list's filters and sort from a query string (paging is the export's business). */
export function parseListQuery(list: ExportList, raw: Record<string, unknown>): Record<string, unknown> {
  const { page: _p, pageSize: _s, format: _f, purpose: _pu, purposeText: _pt, ...rest } = raw;
  const parsed = list.querySchema.safeParse(rest);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  // The whole list from its start: neither the screen's page nor its keyset cursor.
  const { page: _pp, pageSize: _ss, after: _a, before: _b, last: _l, ...query } = parsed.data as Record<string, unknown>;
  return query;
}

/** Every page of the list, one batch at a time, starting with an already-read first page. */
async function* batches(db: Db, user: CurrentUser, list: ExportList, query: Record<string, unknown>, now: Date, first?: Cell[][], onBatch?: (done: number) => Promise<void>, purpose?: string): AsyncGenerator<Cell[][]> {
  let page = 1;
  let done = 0;
  let rows = first ?? (await list.page(db, user, query, page, EXPORT_BATCH_SIZE, now, purpose)).rows;
  for (;;) {
    yield rows;
    done += rows.length;
    await onBatch?.(done);
    if (rows.length < EXPORT_BATCH_SIZE) return;
    page += 1;
    rows = (await list.page(db, user, query, page, EXPORT_BATCH_SIZE, now, purpose)).rows;
    if (rows.length === 0) return;
  }
}

export type StartedExport =
  | { mode: "inline"; filename: string; contentType: string; stream: Readable; total: number }
  | { mode: "background"; id: string; total: number };

/**
 * Starts an export of `listKey`'s current view. Up to the rule set's threshold the file is
 * streamed back at once; above it a background export is queued for the author.
 */
export async function startTableExport(
  db: Db, user: CurrentUser, listKey: string, raw: Record<string, unknown>, format: ExportFormat, ctx: { requestId?: string } = {}, now = new Date(),
): Promise<StartedExport> {
  const list = resolveList(user, listKey);
  const query = parseListQuery(list, raw);
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  const purpose = statedPurpose(list, raw, rules.identityExportPurposes);
  const reason = purpose ? purposeReason(purpose) : undefined;
  const first = await list.page(db, user, query, 1, EXPORT_BATCH_SIZE, now, reason);
  const audit = (mode: string, id?: string) => recordAudit(db, {
    action: "tableExport.created", actorId: user.id, actorRole: user.role, entityType: "TableExport", entityId: id, requestId: ctx.requestId, reason,
    metadata: { list: list.key, format, mode, rows: first.total, filters: Object.keys(query).filter((k) => query[k] !== undefined), ...(purpose ? { identities: true, purpose: { ...purpose } } : {}) },
  });
  if (first.total <= rules.tableExportBackgroundRows) {
    await audit("inline");
    const out = new PassThrough();
    writeTable(out, format, list.label, list.headers, batches(db, user, list, query, now, first.rows, undefined, reason)).catch((err: unknown) => {
      logger.error({ err, list: list.key }, "inline export failed");
      out.destroy(err instanceof Error ? err : new Error(String(err)));
    });
    return { mode: "inline", filename: fileName(list, format, now), contentType: CONTENT_TYPES[format], stream: out, total: first.total };
  }
  const expiresAt = new Date(now.getTime() + rules.tableExportRetentionDays * 86_400_000);
  const row = await db.tableExport.create({
    // The stated purpose travels with the queued query (stripped again before the list reads it).
    data: { userId: user.id, list: list.key, format, query: { ...query, ...(purpose ? { purpose: purpose.code, purposeText: purpose.text ?? undefined } : {}) } as Prisma.InputJsonValue, totalRows: first.total, expiresAt },
    select: { id: true },
  });
  await audit("background", row.id);
  return { mode: "background", id: row.id, total: first.total };
}

const dtoSelect = { id: true, list: true, format: true, status: true, totalRows: true, processedRows: true, createdAt: true, finishedAt: true, expiresAt: true } as const;
type DtoRow = Prisma.TableExportGetPayload<{ select: typeof dtoSelect }>;

function toDto(r: DtoRow, now: Date): TableExportDto {
  const total = Math.max(r.totalRows, 1);
  return {
    id: r.id, list: r.list, listLabel: exportList(r.list)?.label ?? r.list, format: r.format, status: r.status,
    totalRows: r.totalRows, processedRows: r.processedRows,
    percent: r.status === "DONE" ? 100 : Math.min(99, Math.floor((r.processedRows / total) * 100)),
    createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null, expiresAt: r.expiresAt.toISOString(),
    downloadUrl: r.status === "DONE" && r.expiresAt > now ? `/api/v1/table-exports/${r.id}/file` : null,
  };
}

/** The user's own exports still kept (others' exports are never listed). */
export async function listMyExports(db: Db, user: CurrentUser, now = new Date()): Promise<TableExportDto[]> {
  const rows = await db.tableExport.findMany({ where: { userId: user.id, expiresAt: { gt: now } }, orderBy: { createdAt: "desc" }, take: 50, select: dtoSelect });
  return rows.map((r) => toDto(r, now));
}

async function findMine(db: Db, user: CurrentUser, id: string, now: Date) {
  const row = UUID.test(id) ? await db.tableExport.findFirst({ where: { id, userId: user.id, expiresAt: { gt: now } }, select: { ...dtoSelect, filename: true, storageKey: true, query: true } }) : null;
  // Someone else's export reads as not found: only its author may see or download it.
  if (!row) throw new NotFoundError("Export introuvable ou expiré.");
  return row;
}

export async function getMyExport(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<TableExportDto> {
  return toDto(await findMine(db, user, id, now), now);
}

/** Opens a finished export of the user's for download (audited). */
export async function openMyExport(db: Db, user: CurrentUser, id: string, ctx: { requestId?: string } = {}, now = new Date()) {
  const row = await findMine(db, user, id, now);
  if (row.status !== "DONE" || !row.storageKey || !row.filename) throw new UnprocessableError("Cet export n'est pas encore prêt.");
  // A role changed since the export was queued: identities no longer leave for it.
  if (exportList(row.list)?.identities && !can(user, "identityExport.run")) throw new ForbiddenError(denialMessage("identityExport.run", user));
  const file = filePath(row.storageKey);
  const { size } = await stat(file);
  const stated = (row.query as { purpose?: unknown } | null)?.purpose;
  await recordAudit(db, {
    action: "tableExport.download", actorId: user.id, actorRole: user.role, entityType: "TableExport", entityId: row.id, requestId: ctx.requestId,
    metadata: { list: row.list, format: row.format, rows: row.processedRows, ...(typeof stated === "string" ? { purpose: stated } : {}) },
  });
  return { filename: row.filename, contentType: CONTENT_TYPES[row.format as ExportFormat], size, stream: createReadStream(file) };
}

/** Generates one queued export (already claimed), recording progress after each batch. */
async function generate(db: Db, id: string, now: Date): Promise<boolean> {
  const job = await db.tableExport.findUniqueOrThrow({ where: { id }, select: { userId: true, list: true, format: true, query: true } });
  const storageKey = `exports/${id}.${job.format}`;
  try {
    const user = await loadPrincipal(db, job.userId);
    if (!user) throw new ForbiddenError("Compte désactivé.");
    const list = resolveList(user, job.list);
    const raw = job.query as Record<string, unknown>;
    const query = parseListQuery(list, raw);
    const purpose = list.identities ? statedPurpose(list, raw, (await getActiveRuleSet(db, "OPERATIONS", now)).payload.identityExportPurposes) : null;
    await mkdir(exportsDir(), { recursive: true, mode: 0o750 });
    const out = createWriteStream(filePath(storageKey), { mode: 0o640 });
    const count = await writeTable(out, job.format as ExportFormat, list.label, list.headers,
      batches(db, user, list, query, now, undefined, (done) => db.tableExport.update({ where: { id }, data: { processedRows: done } }).then(() => undefined), purpose ? purposeReason(purpose) : undefined));
    await db.tableExport.update({ where: { id }, data: { status: "DONE", processedRows: count, totalRows: count, storageKey, filename: fileName(list, job.format as ExportFormat, now), finishedAt: new Date() } });
    return true;
  } catch (err) {
    logger.error({ err, exportId: id }, "background export failed");
    await rm(filePath(storageKey), { force: true });
    await db.tableExport.update({ where: { id }, data: { status: "FAILED", error: err instanceof ForbiddenError ? "Droits insuffisants." : "Erreur lors de la génération.", finishedAt: new Date() } });
    return false;
  }
}

/**
 * The "table-exports" job: generates the queued exports (each claimed by one worker only) and
 * deletes the expired ones with their files. Idempotent.
 */
export async function runTableExports(db: Db, now = new Date()): Promise<Record<string, number>> {
  let generated = 0;
  let failed = 0;
  for (;;) {
    const next = await db.tableExport.findFirst({ where: { status: "PENDING" }, orderBy: { createdAt: "asc" }, select: { id: true } });
    if (!next) break;
    const { count } = await db.tableExport.updateMany({ where: { id: next.id, status: "PENDING" }, data: { status: "RUNNING" } });
    if (count === 0) continue;
    if (await generate(db, next.id, now)) generated += 1;
    else failed += 1;
  }
  const expired = await db.tableExport.findMany({ where: { expiresAt: { lte: now } }, select: { id: true, storageKey: true } });
  for (const e of expired) {
    if (e.storageKey) await rm(filePath(e.storageKey), { force: true });
    await db.tableExport.delete({ where: { id: e.id } });
  }
  return { generated, failed, purged: expired.length };
}
