import "server-only";
// Breach register (annex 1 art. 3.8): record a personal-data breach, follow the deadline to notify
// the controller (DEADLINES.breachNotifyHours), export the register for the controller. Audited.
import ExcelJS from "exceljs";
import { parisWallClock, XLSX_DATE_TIME_FORMAT } from "@/lib/exports/xlsx-cells";
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, isProcessorRole, scopeFor, type Action } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { BREACH_STATUS_LABELS, createBreachSchema, updateBreachSchema, type BreachDto, type BreachListQuery, type CreateBreachInput, type UpdateBreachInput } from "@/lib/rights/breach.schema";
import { CONTROLLER_NAME } from "@/lib/rights/register.config";
import { breachClock, breachFranceTravailClock, countdownLabel } from "@/lib/rights/rights.rules";
import { deliverOutboxSoon } from "@/lib/email/outbox.service";
import { appUrl } from "@/lib/email/links";
import { breachForwardEmails, forwardTargets } from "@/lib/rights/forwarding.rules";
import { enqueueForwards, platformOfRecorder } from "@/lib/rights/forwarding.service";
import { getSettings } from "@/lib/settings/settings.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import type { DeadlinesRules } from "@/lib/rules/rule-set.schema";
import { parseInput } from "@/lib/validation";
import { isInFuture } from "@/lib/fields.schema";
import { parisToday } from "@/lib/paris-day";

const NOT_FOUND = "Violation introuvable.";

function scope(user: CurrentUser, action: Action): Prisma.BreachRecordWhereInput {
  if (!can(user, action)) throw new ForbiddenError();
  const where = scopeFor(user, "breach");
  if (!where) throw new ForbiddenError();
  return where as Prisma.BreachRecordWhereInput;
}

const select = {
  id: true, detectedAt: true, notifiedAt: true, nature: true, dataCategories: true, peopleCategories: true, approxPeople: true, approxRecords: true,
  contact: true, consequences: true, measures: true, status: true, version: true, platform: { select: { name: true } },
  createdAt: true, recordedByPlatform: true, concernsFranceTravail: true, franceTravailNotifiedAt: true,
} satisfies Prisma.BreachRecordSelect;
type Row = Prisma.BreachRecordGetPayload<{ select: typeof select }>;

function toDto(r: Row, rules: DeadlinesRules, now: Date): BreachDto {
  const c = breachClock(r, rules, now);
  const ft = breachFranceTravailClock(r, rules, now);
  return {
    id: r.id, detectedAt: r.detectedAt.toISOString(), notifiedAt: r.notifiedAt?.toISOString() ?? null, deadlineAt: c.dueAt.toISOString(),
    remainingMs: c.remainingMs, overdue: c.overdue, late: c.late, countdown: countdownLabel(c), nature: r.nature, dataCategories: r.dataCategories,
    peopleCategories: r.peopleCategories, approxPeople: r.approxPeople, approxRecords: r.approxRecords, contact: r.contact, consequences: r.consequences,
    measures: r.measures, status: r.status, platform: r.platform?.name ?? null, version: r.version,
    recordedAt: r.createdAt.toISOString(), recordedByPlatform: r.recordedByPlatform, concernsFranceTravail: r.concernsFranceTravail,
    franceTravail: ft ? { dueAt: ft.dueAt.toISOString(), doneAt: ft.doneAt?.toISOString() ?? null, overdue: ft.overdue, countdown: countdownLabel(ft) } : null,
  };
}

async function rulesAt(db: DbOrTx, now: Date): Promise<DeadlinesRules> {
  return (await getActiveRuleSet(db, "DEADLINES", now)).payload;
}

export async function listBreaches(db: Db, user: CurrentUser, q: BreachListQuery, now = new Date()) {
  const where: Prisma.BreachRecordWhereInput = { AND: [scope(user, "breach.read"), q.status ? { status: q.status } : {}] };
  const [total, rows, rules] = await Promise.all([
    db.breachRecord.count({ where }),
    db.breachRecord.findMany({ where, orderBy: [{ detectedAt: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select }),
    rulesAt(db, now),
  ]);
  return { items: rows.map((r) => toDto(r, rules, now)), page: q.page, pageSize: q.pageSize, total };
}

export async function getBreach(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<BreachDto> {
  const row = await db.breachRecord.findFirst({ where: { AND: [{ id }, scope(user, "breach.read")] }, select });
  if (!row) throw new NotFoundError(NOT_FOUND);
  return toDto(row, await rulesAt(db, now), now);
}

function checkDates(detectedAt: Date | undefined, notifiedAt: Date | null | undefined, now: Date) {
  const fields: Record<string, string[]> = {};
  if (detectedAt && isInFuture(detectedAt, now)) fields.detectedAt = ["La date de détection ne peut pas être dans le futur."];
  if (notifiedAt && isInFuture(notifiedAt, now)) fields.notifiedAt = ["La date de notification ne peut pas être dans le futur."];
  if (detectedAt && notifiedAt && notifiedAt.getTime() < detectedAt.getTime()) fields.notifiedAt = ["La notification ne peut précéder la détection."];
  if (Object.keys(fields).length > 0) throw new ValidationError(fields);
}

/** A notification date moves a detected breach to "notified" unless a status is given. */
function statusFor(input: { status?: BreachDto["status"]; notifiedAt?: Date | "" }, current: BreachDto["status"] | null): BreachDto["status"] {
  if (input.status) return input.status;
  if (input.notifiedAt instanceof Date && (current ?? "DETECTED") === "DETECTED") return "NOTIFIED";
  return current ?? "DETECTED";
}

/**
 * Records a breach. Detected by a platform (processor), it is notified at once by e-mail to the
 * addresses of Région convention annex 1 art. 3.7 (the 36-hour clock runs from `detectedAt`, the
 * platform's detection); about the data returned to France Travail, to its DPO too (FT convention
 * annex 1, 2.8 and art. 11), with its own clock.
 */
export async function createBreach(db: Db, user: CurrentUser, raw: CreateBreachInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<BreachDto> {
  if (!can(user, "breach.record")) throw new ForbiddenError();
  const input = parseInput(createBreachSchema, raw);
  const recordedByPlatform = isProcessorRole(user.role);
  const platformId = recordedByPlatform ? platformOfRecorder(user, input.platformId || undefined) : null;
  const concernsFranceTravail = Boolean(input.concernsFranceTravail);
  // A platform's e-mail is its notification to the controller: notified now.
  const notifiedAt = recordedByPlatform ? now : input.notifiedAt instanceof Date ? input.notifiedAt : null;
  checkDates(input.detectedAt, notifiedAt, now);
  const settings = await getSettings(db);
  const id = await db.$transaction(async (tx) => {
    const created = await tx.breachRecord.create({
      data: {
        detectedAt: input.detectedAt, notifiedAt, nature: input.nature, dataCategories: input.dataCategories, peopleCategories: input.peopleCategories,
        approxPeople: input.approxPeople ?? null, approxRecords: input.approxRecords ?? null, contact: input.contact || null,
        consequences: input.consequences || null, measures: input.measures || null, status: statusFor({ status: input.status, notifiedAt: notifiedAt ?? "" }, null),
        createdById: user.id, createdAt: now, platformId, recordedByPlatform, concernsFranceTravail, franceTravailNotifiedAt: concernsFranceTravail ? now : null,
      },
      select: { id: true, platform: { select: { name: true } } },
    });
    const emails = breachForwardEmails({
      id: created.id, platformName: created.platform?.name ?? null, detectedAt: input.detectedAt, recordedAt: now, nature: input.nature,
      dataCategories: input.dataCategories, peopleCategories: input.peopleCategories, approxPeople: input.approxPeople ?? null, approxRecords: input.approxRecords ?? null,
      contact: input.contact || null, consequences: input.consequences || null, measures: input.measures || null, url: appUrl(`/rgpd/violations/${created.id}`),
    }, forwardTargets({ recordedByPlatform, concernsFranceTravail }), settings);
    await enqueueForwards(tx, emails, now);
    await recordAudit(tx, {
      action: "breach.created", actorId: user.id, actorRole: user.role, entityType: "BreachRecord", entityId: created.id, platformId, requestId: ctx.requestId,
      reason: "Registre des violations", metadata: { forwardedTo: emails.map((e) => e.to), concernsFranceTravail },
    });
    return created.id;
  });
  deliverOutboxSoon(db);
  return getBreach(db, user, id, now);
}

export async function updateBreach(db: Db, user: CurrentUser, id: string, raw: UpdateBreachInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<BreachDto> {
  const where = scope(user, "breach.write");
  const input = parseInput(updateBreachSchema, raw);
  await db.$transaction(async (tx) => {
    const current = await tx.breachRecord.findFirst({ where: { AND: [{ id }, where] } });
    if (!current) throw new NotFoundError(NOT_FOUND);
    const { version, notifiedAt: rawNotified, ...rest } = input;
    const notifiedAt = rawNotified === undefined ? undefined : rawNotified instanceof Date ? rawNotified : null;
    checkDates(rest.detectedAt ?? current.detectedAt, notifiedAt === undefined ? current.notifiedAt : notifiedAt, now);
    const data: Prisma.BreachRecordUpdateManyMutationInput = {
      ...rest,
      ...(rest.contact !== undefined ? { contact: rest.contact || null } : {}),
      ...(rest.consequences !== undefined ? { consequences: rest.consequences || null } : {}),
      ...(rest.measures !== undefined ? { measures: rest.measures || null } : {}),
      ...(notifiedAt !== undefined ? { notifiedAt } : {}),
      status: statusFor({ status: rest.status, notifiedAt: rawNotified }, current.status),
    };
    const { count } = await tx.breachRecord.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Cette violation a été modifiée entre-temps par quelqu'un d'autre. Rechargez la page.");
    await recordAudit(tx, {
      action: "breach.updated", actorId: user.id, actorRole: user.role, entityType: "BreachRecord", entityId: id, requestId: ctx.requestId,
      metadata: { fields: Object.keys(auditChanges(current as unknown as Record<string, unknown>, data as Record<string, unknown>)) },
    });
  });
  return getBreach(db, user, id, now);
}

const COLUMNS: { key: keyof BreachDto; title: string; width: number }[] = [
  { key: "detectedAt", title: "Détectée le", width: 20 },
  { key: "deadlineAt", title: "Échéance de notification", width: 20 },
  { key: "notifiedAt", title: "Notifiée le", width: 20 },
  { key: "status", title: "Statut", width: 18 },
  { key: "nature", title: "Nature", width: 40 },
  { key: "dataCategories", title: "Catégories de données", width: 30 },
  { key: "peopleCategories", title: "Catégories de personnes", width: 30 },
  { key: "approxPeople", title: "Nombre approximatif de personnes", width: 14 },
  { key: "approxRecords", title: "Nombre approximatif d'enregistrements", width: 14 },
  { key: "contact", title: "Contact", width: 30 },
  { key: "consequences", title: "Conséquences probables", width: 40 },
  { key: "measures", title: "Mesures prises ou envisagées", width: 40 },
];

const DATE_KEYS = new Set<keyof BreachDto>(COLUMNS.filter((c) => /At$/.test(c.key)).map((c) => c.key));

function cell(b: BreachDto, key: keyof BreachDto): string | number | null {
  const v = b[key];
  if (key === "status") return BREACH_STATUS_LABELS[b.status];
  if (Array.isArray(v)) return v.join(", ");
  if (typeof v === "string" && /At$/.test(key)) return new Date(v).toLocaleString("fr-FR", { timeZone: "Europe/Paris" });
  return (v as string | number | null) ?? null;
}

/** The whole register for the controller: XLSX or printable HTML. Audited as an export. */
export async function exportBreaches(db: Db, user: CurrentUser, format: "xlsx" | "html", ctx: { requestId?: string } = {}, now = new Date()) {
  const where = scope(user, "breach.read");
  const rules = await rulesAt(db, now);
  const rows = (await db.breachRecord.findMany({ where, orderBy: { detectedAt: "desc" }, select, take: 10_000 })).map((r) => toDto(r, rules, now));
  await recordAudit(db, { action: "breach.exported", actorId: user.id, actorRole: user.role, entityType: "BreachRecord", requestId: ctx.requestId, metadata: { format, count: rows.length } });
  const stamp = parisToday(now);
  if (format === "html") {
    const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    const body = rows.map((b) => `<tr>${COLUMNS.map((c) => `<td>${esc(String(cell(b, c.key) ?? ""))}</td>`).join("")}</tr>`).join("\n");
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Registre des violations de données</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;font-size:.8rem}th,td{border:1px solid #999;padding:.25rem .4rem;vertical-align:top;text-align:left}</style></head>
<body><main><h1>Registre des violations de données personnelles</h1><p>Pour le responsable de traitement : ${esc(CONTROLLER_NAME)}. Établi le ${now.toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}. Délai de notification au responsable : ${rules.breachNotifyHours} heures après la détection.</p>
<table><thead><tr>${COLUMNS.map((c) => `<th scope="col">${esc(c.title)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table></main></body></html>`;
    return { contentType: "text/html; charset=utf-8", filename: `violations-${stamp}.html`, body: Buffer.from(html, "utf8") };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const ws = wb.addWorksheet("Violations", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: c.title, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // Dates as Excel dates (Paris time), the rest as the HTML shows it.
  for (const c of COLUMNS) if (DATE_KEYS.has(c.key)) ws.getColumn(c.key).numFmt = XLSX_DATE_TIME_FORMAT;
  for (const b of rows) ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, DATE_KEYS.has(c.key) ? (b[c.key] ? parisWallClock(new Date(b[c.key] as string)) : null) : cell(b, c.key)])));
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename: `violations-${stamp}.xlsx`, body };
}
