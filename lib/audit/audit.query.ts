import { cappedTotal, keysetOrderArgs, keysetPage, tableEstimate, type KeysetOrder } from "@/lib/pagination/keyset";
import { csvDocument } from "@/lib/exports/csv";
import "server-only";
// The DPO's search of the audit log (person, user, period, action), paginated on the server, and
// its export as CSV / XLSX (itself audited).
import ExcelJS from "exceljs";
import { auditActionLabel, isKnownAuditAction } from "@/lib/audit/audit-labels";
import { auditRecordNames, entityTypeLabel } from "@/lib/audit/audit-records";
import { recordAudit } from "@/lib/audit/audit.service";
import type { AuditEventDto, AuditExportQuery, AuditFilter, AuditListQuery } from "@/lib/audit/audit.schema";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parisToday } from "@/lib/paris-day";
import { likeLiteral } from "@/lib/search/like";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A person filter matching more records than this is too vague: the DPO is asked to narrow it. */
const MAX_PERSONS = 200;
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

/** Midnight in Europe/Paris of a YYYY-MM-DD day, as an instant. */
export function parisDayStart(day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const utc = Date.UTC(y, m - 1, d);
  const name = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "longOffset" })
    .formatToParts(new Date(utc)).find((p) => p.type === "timeZoneName")?.value ?? "GMT+01:00";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const offsetMin = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 60;
  return new Date(utc - offsetMin * 60_000);
}

/** The job seekers a person filter designates (any lifecycle: the log outlives the record). */
async function personIds(db: Db, person: string): Promise<string[]> {
  if (UUID.test(person)) return [person.toLowerCase()];
  const terms = person.split(/\s+/).filter(Boolean);
  const rows = await db.jobSeeker.findMany({
    where: {
      AND: terms.map((t) => ({
        OR: [
          { lastName: { contains: likeLiteral(t), mode: "insensitive" as const } },
          { firstName: { contains: likeLiteral(t), mode: "insensitive" as const } },
          // Prisma compares « equals, insensitive » with ILIKE: `%` matched every address and a
          // trailing backslash answered 500 (22025) — the term is taken literally.
          { email: { equals: likeLiteral(t), mode: "insensitive" as const } },
          { franceTravailId: { equals: t.toUpperCase() } },
        ],
      })),
    },
    select: { id: true },
    take: MAX_PERSONS,
  });
  return rows.map((r) => r.id);
}

async function auditWhere(db: Db, q: AuditFilter): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  // A code picked from the list matches exactly; any other text is a prefix (« jobSeeker », « auth.login »).
  if (q.action) and.push(isKnownAuditAction(q.action) ? { action: q.action } : { action: { startsWith: q.action } });
  if (q.actorEmail) and.push({ actor: { email: q.actorEmail } });
  if (q.from) and.push({ at: { gte: parisDayStart(q.from) } });
  if (q.to) {
    const next = new Date(`${q.to}T12:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    and.push({ at: { lt: parisDayStart(next.toISOString().slice(0, 10)) } });
  }
  if (q.person) {
    const ids = await personIds(db, q.person);
    // Events about the record itself, and events about a proposal / diagnostic / event naming it.
    and.push(ids.length === 0
      ? { id: { in: [] } }
      : { OR: [{ entityType: "JobSeeker", entityId: { in: ids } }, ...ids.map((id) => ({ metadata: { path: ["jobSeekerId"], equals: id } }))] });
  }
  return { AND: and };
}

const select = { id: true, at: true, action: true, actorRole: true, entityType: true, entityId: true, reason: true, actor: { select: { email: true } } } as const;

function toDto(r: Prisma.AuditEventGetPayload<{ select: typeof select }>): AuditEventDto {
  return {
    id: r.id.toString(), at: r.at.toISOString(), action: r.action, actor: r.actor?.email ?? null, actorRole: r.actorRole,
    entityType: r.entityType, entityId: r.entityId, reason: r.reason,
  };
}

export async function listAuditEvents(db: Db, user: CurrentUser, q: AuditListQuery) {
  if (!can(user, "audit.read")) throw new ForbiddenError();
  const where = await auditWhere(db, q);
  // Keyset order (issue 18): time then sequence number, index `(at, id)`.
  const order: KeysetOrder = { keys: [{ field: "at", dir: q.sort === "at" ? "asc" : "desc", kind: "date" }], id: "bigint" };
  const page = keysetOrderArgs(order, q);
  const unfiltered = !q.action && !q.actorEmail && !q.person && !q.from && !q.to;
  const [total, found] = await Promise.all([
    cappedTotal((take) => db.auditEvent.count({ where, take }), unfiltered ? () => tableEstimate(db, "AuditEvent") : undefined, page),
    db.auditEvent.findMany({
      where: { AND: [where, page.seek] },
      orderBy: page.orderBy as Prisma.AuditEventOrderByWithRelationInput[],
      skip: page.skip,
      take: page.take,
      select: { ...select, metadata: true },
    }),
  ]);
  const result = keysetPage(found, page, q, (r) => r.at, total);
  const rows = result.items;
  const personOf = (r: (typeof rows)[number]) => {
    const m = r.metadata as { jobSeekerId?: unknown } | null;
    return r.entityType !== "JobSeeker" && m && typeof m === "object" && typeof m.jobSeekerId === "string" ? m.jobSeekerId : null;
  };
  const names = await auditRecordNames(db, user, rows.map((r) => ({ entityType: r.entityType, entityId: r.entityId, personId: personOf(r) })));
  const items = rows.map((r) => {
    const dto = toDto(r);
    const named = r.entityType && r.entityId ? names.get(`${r.entityType}|${r.entityId}`) : undefined;
    const pid = personOf(r);
    return {
      ...dto,
      actionLabel: auditActionLabel(r.action),
      record: named ?? (r.entityType ? { label: entityTypeLabel(r.entityType), href: null } : null),
      person: pid ? (names.get(`JobSeeker|${pid}`) ?? null) : null,
    };
  });
  return { ...result, items };
}

const HEAD = ["n°", "date (UTC)", "action", "libellé", "auteur", "rôle", "objet", "identifiant", "motif"];
const line = (e: AuditEventDto) => [e.id, e.at, e.action, auditActionLabel(e.action), e.actor ?? "", e.actorRole ?? "", entityTypeLabel(e.entityType), e.entityId ?? "", e.reason ?? ""];

/** The search result as a file (at most AUDIT_EXPORT_MAX_ROWS rows, oldest first); the export is audited. */
export async function exportAuditEvents(db: Db, user: CurrentUser, q: AuditExportQuery, requestId?: string, now = new Date()) {
  if (!can(user, "audit.export")) throw new ForbiddenError();
  const where = await auditWhere(db, q);
  const rows = (await db.auditEvent.findMany({ where, orderBy: [{ id: "asc" }], take: AUDIT_EXPORT_MAX_ROWS, select })).map(toDto);
  let body: Buffer;
  if (q.format === "csv") {
    body = Buffer.from(csvDocument([HEAD, ...rows.map(line)]), "utf8");
  } else {
    const wb = new ExcelJS.Workbook();
    wb.creator = "SI Proch'Emploi";
    const ws = wb.addWorksheet("Journal d'audit", { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(HEAD).font = { bold: true };
    for (const r of rows) ws.addRow(line(r));
    ws.columns = [{ width: 10 }, { width: 26 }, { width: 30 }, { width: 40 }, { width: 30 }, { width: 24 }, { width: 20 }, { width: 38 }, { width: 50 }];
    body = Buffer.from(await wb.xlsx.writeBuffer());
  }
  await recordAudit(db, {
    action: "audit.export", actorId: user.id, actorRole: user.role, entityType: "AuditEvent", requestId,
    // The filters, except the person's name itself (no personal values in the log).
    metadata: { format: q.format, rows: rows.length, action: q.action ?? null, actorEmail: q.actorEmail ?? null, person: Boolean(q.person), from: q.from ?? null, to: q.to ?? null },
  });
  const stamp = parisToday(now);
  return {
    filename: `journal-audit-${stamp}.${q.format}`,
    contentType: q.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
    body,
    truncated: rows.length === AUDIT_EXPORT_MAX_ROWS,
  };
}
