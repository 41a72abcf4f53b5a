import "server-only";
// New versions of the information notices and of the confidentiality commitment, from the
// administration pages (issue 22 §2, §7). A new version is a new row (NoticeText kind + version),
// never an edit: the previous versions stay, read-only, because each record keeps the version it was
// given (job seekers, contacts, chefs de file) or accepted (staff, User.charterVersion).
// Région convention, annex 1 art. 3.3: « La formulation et le format de l'information doivent être
// convenus avec le Responsable de traitement avant la collecte de données » — hence the DPO (the
// controller's) and the admin only ("notice.write"). Annex 1 art. 3.10.1: « un engagement de
// confidentialité »; a new version of it must be accepted again before any data is reached
// (lib/auth/charter.rules.ts, checked on every request by lib/auth/principal.ts).
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { can, denialMessage } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { NOTICE_KINDS, type NoticeVersionDto, type PublishNoticeInput } from "@/lib/notices/notice.schema";
import { parseInstant } from "@/lib/fields.schema";
import { isoCalendarDay, parisDay, parisToday } from "@/lib/paris-day";

function assertWriter(user: CurrentUser) {
  if (!can(user, "notice.write")) throw new ForbiddenError(denialMessage("notice.write"));
}

/** Every version of every text, latest first per kind, with the one in force at `now` flagged. */
export async function listNoticeVersions(db: Db, user: CurrentUser, now = new Date()): Promise<NoticeVersionDto[]> {
  assertWriter(user);
  const rows = await db.noticeText.findMany({
    orderBy: [{ kind: "asc" }, { version: "desc" }],
    select: { kind: true, version: true, title: true, body: true, validFrom: true, createdAt: true, createdById: true },
  });
  const authorIds = [...new Set(rows.map((r) => r.createdById).filter((id): id is string => id !== null))];
  const authors = new Map((await db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, firstName: true, lastName: true } })).map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
  const inForce = new Map<string, number>();
  for (const r of rows) if (r.validFrom <= now && !inForce.has(r.kind)) inForce.set(r.kind, r.version);
  const order = (k: string) => NOTICE_KINDS.indexOf(k as (typeof NOTICE_KINDS)[number]);
  return rows
    .sort((a, b) => order(a.kind) - order(b.kind) || b.version - a.version)
    .map((r) => ({
      kind: r.kind, version: r.version, title: r.title, body: r.body, validFrom: r.validFrom.toISOString(), createdAt: r.createdAt.toISOString(),
      createdBy: r.createdById ? (authors.get(r.createdById) ?? null) : null, inForce: inForce.get(r.kind) === r.version,
    }));
}

/**
 * The instant a version takes effect (NoticeText.validFrom is an instant): at once for today in Paris
 * (or no date), midnight in Paris on a later day — not midnight UTC, an hour (two in summer) later.
 * Today is the Paris day (the form's date field proposes it): between midnight in Paris and midnight
 * UTC the UTC day is still yesterday.
 */
export function effectiveFrom(day: string | undefined, now: Date): Date {
  if (!day || day === parisToday(now)) return now;
  return parseInstant(`${day}T00:00`);
}

/**
 * Publishes version n+1 of a text. It cannot take effect in the past (records would claim a text
 * nobody was given), nor before the latest version (which would then never apply).
 */
export async function publishNotice(db: Db, user: CurrentUser, input: PublishNoticeInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<NoticeVersionDto> {
  assertWriter(user);
  const validFrom = effectiveFrom(input.validFrom, now);
  if (validFrom < now) throw new ValidationError({ validFrom: ["La date d'entrée en vigueur ne peut pas être passée."] }, "La date d'entrée en vigueur ne peut pas être passée.");
  return db.$transaction(async (tx) => {
    // One publisher at a time per kind: the next number is read and written under the same lock.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`notice:${input.kind}`}))`;
    const latest = await tx.noticeText.findFirst({ where: { kind: input.kind }, orderBy: { version: "desc" }, select: { version: true, validFrom: true } });
    if (latest && validFrom < latest.validFrom) {
      // validFrom is an instant (midnight in Paris of its day, or the moment of publication): its Paris day.
      const message = `La version ${latest.version} entre en vigueur le ${isoCalendarDay(parisDay(latest.validFrom))} : la nouvelle version ne peut pas la précéder.`;
      throw new ValidationError({ validFrom: [message] }, message);
    }
    const version = (latest?.version ?? 0) + 1;
    const row = await tx.noticeText.create({
      data: { kind: input.kind, version, title: input.title, body: input.body, validFrom, createdById: user.id },
      select: { id: true, kind: true, version: true, title: true, body: true, validFrom: true, createdAt: true },
    });
    await recordAudit(tx, {
      action: "notice.published", actorId: user.id, actorRole: user.role, entityType: "NoticeText", entityId: row.id, requestId: ctx.requestId,
      metadata: { kind: input.kind, version, validFrom: validFrom.toISOString(), previous: latest?.version ?? null },
    });
    const { id: _id, ...text } = row;
    return {
      ...text, validFrom: row.validFrom.toISOString(), createdAt: row.createdAt.toISOString(), createdBy: `${user.firstName} ${user.lastName}`, inForce: validFrom <= now,
    };
  });
}
