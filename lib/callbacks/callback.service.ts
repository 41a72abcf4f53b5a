import { parseInstant } from "@/lib/fields.schema";
import "server-only";
// Numéro-vert callback queue: every company that called the green number is called back by a due
// date computed from the OPERATIONS rule set; each call is logged and moves the callback's status.
import { recordAudit } from "@/lib/audit/audit.service";
import { auditChanges } from "@/lib/audit/changes";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import { refreshCompanyLastContact } from "@/lib/companies/timeline.query";
import { applyAttempt, attemptsLeft, callbackDueAt, callbackUrgency } from "@/lib/callbacks/callback.rules";
import type {
  CallbackDetail, CallbackListQuery, CallbackSummary, CreateAttemptInput, CreateCallbackInput, UpdateCallbackInput,
} from "@/lib/callbacks/callback.schema";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { likeLiteral } from "@/lib/search/like";

function scope(user: CurrentUser) {
  const s = scopeFor(user, "callback");
  if (!s) throw new ForbiddenError();
  return s;
}

const ORDER = {
  dueAt: [{ dueAt: "asc" }],
  "-dueAt": [{ dueAt: "desc" }],
  receivedAt: [{ receivedAt: "asc" }],
  "-receivedAt": [{ receivedAt: "desc" }],
  company: [{ company: { name: "asc" } }],
  "-company": [{ company: { name: "desc" } }],
} as const;

const summarySelect = {
  id: true, platformId: true, companyId: true, origin: true, receivedAt: true, dueAt: true, status: true, attemptCount: true, assignedToId: true, version: true,
  company: { select: { name: true, city: true } }, platform: { select: { name: true } },
} as const;

type SummaryRow = {
  id: string; platformId: string; companyId: string; origin: CallbackSummary["origin"]; receivedAt: Date; dueAt: Date; status: CallbackSummary["status"]; attemptCount: number;
  assignedToId: string | null; version: number; company: { name: string; city: string | null }; platform: { name: string };
};

async function userNames(db: DbOrTx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, firstName: true, lastName: true } });
  return new Map(users.map((u) => [u.id, `${u.firstName} ${u.lastName}`]));
}

function toSummary(r: SummaryRow, names: Map<string, string>, now: Date): CallbackSummary {
  return {
    id: r.id, platform: r.platform.name, companyId: r.companyId, companyName: r.company.name, companyCity: r.company.city, origin: r.origin,
    receivedAt: r.receivedAt.toISOString(), dueAt: r.dueAt.toISOString(), status: r.status, urgency: callbackUrgency(r, now),
    attemptCount: r.attemptCount, assignedTo: r.assignedToId ? (names.get(r.assignedToId) ?? null) : null, version: r.version,
  };
}

export async function listCallbacks(db: Db, user: CurrentUser, q: CallbackListQuery, now = new Date()) {
  const where = {
    AND: [
      scope(user),
      q.status ? { status: q.status } : {},
      q.overdue ? { status: "A_RAPPELER" as const, dueAt: { lt: now } } : {},
      q.mine ? { assignedToId: user.id } : {},
      q.q ? { company: { name: { contains: likeLiteral(q.q), mode: "insensitive" as const } } } : {},
    ],
  };
  const [total, rows] = await Promise.all([
    db.numeroVertCallback.count({ where }),
    db.numeroVertCallback.findMany({ where, select: summarySelect, orderBy: [...ORDER[q.sort], { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  const names = await userNames(db, rows.map((r) => r.assignedToId));
  return { items: rows.map((r) => toSummary(r, names, now)), page: q.page, pageSize: q.pageSize, total };
}

const detailSelect = { ...summarySelect, qualifiedNeed: true, closedAt: true, attempts: { select: { id: true, at: true, byId: true, outcome: true, note: true }, orderBy: { at: "desc" } } } as const;

async function findInScope(tx: DbOrTx, user: CurrentUser, id: string) {
  const row = await tx.numeroVertCallback.findFirst({ where: { AND: [scope(user), { id }] }, select: detailSelect });
  if (!row) throw new NotFoundError("Rappel introuvable.");
  return row;
}

export async function getCallback(db: DbOrTx, user: CurrentUser, id: string, now = new Date()): Promise<CallbackDetail> {
  const row = await findInScope(db, user, id);
  const rules = await getActiveRuleSet(db, "OPERATIONS", now);
  const names = await userNames(db, [row.assignedToId, ...row.attempts.map((a) => a.byId)]);
  return {
    ...toSummary(row, names, now),
    assignedToId: row.assignedToId,
    qualifiedNeed: row.qualifiedNeed,
    closedAt: row.closedAt?.toISOString() ?? null,
    attemptsLeft: attemptsLeft(row, rules.payload),
    attempts: row.attempts.map((a) => ({ id: a.id, at: a.at.toISOString(), by: a.byId ? (names.get(a.byId) ?? null) : null, outcome: a.outcome, note: a.note })),
  };
}

/** The person in charge must be an active assistant or manager of the callback's platform. */
async function checkAssignee(tx: DbOrTx, assignedToId: string, platformId: string): Promise<void> {
  const ok = await tx.user.count({
    where: { id: assignedToId, active: true, role: { in: ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"] }, memberships: { some: { platformId } } },
  });
  if (ok === 0) throw new ValidationError({ assignedToId: ["Cette personne ne fait pas partie de l'équipe de la plateforme."] });
}

export async function createCallback(db: Db, user: CurrentUser, input: CreateCallbackInput, now = new Date()): Promise<CallbackDetail> {
  const receivedAt = parseInstant(input.receivedAt);
  if (receivedAt.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError({ receivedAt: ["L'appel ne peut pas être dans le futur."] });
  return db.$transaction(async (tx) => {
    const companyScope = scopeFor(user, "company");
    const company = companyScope
      ? await tx.company.findFirst({ where: { AND: [companyScope, { id: input.companyId }] }, select: { id: true, platformId: true, viaNumeroVert: true, numeroVertCallDate: true } })
      : null;
    if (!company) throw new NotFoundError("Entreprise introuvable.");
    const open = await tx.numeroVertCallback.count({ where: { companyId: company.id, status: "A_RAPPELER" } });
    if (open > 0) throw new UnprocessableError("Un rappel est déjà en attente pour cette entreprise : complétez-le plutôt que d'en créer un second.");
    const assignedToId = input.assignedToId || null;
    if (assignedToId) await checkAssignee(tx, assignedToId, company.platformId);
    const rules = await getActiveRuleSet(tx, "OPERATIONS", receivedAt);
    const data = { companyId: company.id, receivedAt, dueAt: callbackDueAt(receivedAt, rules.payload), assignedToId };
    const created = await tx.numeroVertCallback.create({ data: { ...data, platformId: company.platformId }, select: { id: true } });
    // The company came through the numéro vert: record it on the company, keeping its latest call.
    const companyData = {
      viaNumeroVert: true,
      numeroVertCallDate: company.numeroVertCallDate && company.numeroVertCallDate > receivedAt ? company.numeroVertCallDate : receivedAt,
    };
    const companyChanges = auditChanges(company, companyData);
    if (Object.keys(companyChanges).length > 0) {
      await tx.company.update({ where: { id: company.id }, data: { ...companyData, version: { increment: 1 } } });
    }
    await recordAudit(tx, {
      action: "callback.created", actorId: user.id, actorRole: user.role, entityType: "NumeroVertCallback", entityId: created.id, platformId: company.platformId,
      metadata: { changes: auditChanges(null, data), company: companyChanges, ruleSetId: rules.id },
    });
    return getCallback(tx, user, created.id, now);
  });
}

export async function updateCallback(db: Db, user: CurrentUser, id: string, input: UpdateCallbackInput, now = new Date()): Promise<CallbackDetail> {
  return db.$transaction(async (tx) => {
    const before = await findInScope(tx, user, id);
    const receivedAt = input.receivedAt === undefined ? undefined : parseInstant(input.receivedAt);
    if (receivedAt && receivedAt.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError({ receivedAt: ["L'appel ne peut pas être dans le futur."] });
    const assignedToId = input.assignedToId === undefined ? undefined : input.assignedToId || null;
    if (assignedToId) await checkAssignee(tx, assignedToId, before.platformId);
    // A corrected call date moves the due date, by the rule set in force on that date.
    const dueAt = receivedAt ? callbackDueAt(receivedAt, (await getActiveRuleSet(tx, "OPERATIONS", receivedAt)).payload) : undefined;
    const data = { receivedAt, dueAt, assignedToId, qualifiedNeed: input.qualifiedNeed === undefined ? undefined : input.qualifiedNeed || null };
    const { count } = await tx.numeroVertCallback.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, {
      action: "callback.updated", actorId: user.id, actorRole: user.role, entityType: "NumeroVertCallback", entityId: id, platformId: before.platformId,
      metadata: { changes: auditChanges(before, data) },
    });
    return getCallback(tx, user, id, now);
  });
}

/**
 * Logs one call. The callback's status follows the pure rule (reached → closed with the outcome;
 * missed → stays queued until the last allowed attempt → INJOIGNABLE). A call is a contact with
 * the company, so its last-contact date moves forward (never backward) in the same transaction.
 */
export async function addCallbackAttempt(db: Db, user: CurrentUser, id: string, input: CreateAttemptInput, now = new Date()): Promise<CallbackDetail> {
  const at = input.at ? parseInstant(input.at) : now;
  if (at.getTime() > now.getTime() + 5 * 60_000) throw new ValidationError({ at: ["L'appel ne peut pas être dans le futur."] });
  return db.$transaction(async (tx) => {
    const cb = await findInScope(tx, user, id);
    if (at < cb.receivedAt) throw new ValidationError({ at: ["L'appel ne peut pas précéder l'appel reçu sur le numéro vert."] });
    if (cb.version !== input.version) throw new ConflictError();
    const rules = await getActiveRuleSet(tx, "OPERATIONS", at);
    const result = applyAttempt(cb, input.outcome, rules.payload);
    if (!result.ok) throw new UnprocessableError(result.message);
    const next = result.value;
    const data = {
      status: next.status,
      attemptCount: next.attemptCount,
      closedAt: next.closed ? at : null,
      qualifiedNeed: input.outcome === "BESOIN_QUALIFIE" ? input.qualifiedNeed || null : undefined,
      assignedToId: cb.assignedToId ?? user.id,
    };
    const { count } = await tx.numeroVertCallback.updateMany({ where: { id, version: input.version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError();
    const attempt = await tx.callbackAttempt.create({ data: { callbackId: id, at, byId: user.id, outcome: input.outcome, note: input.note || null }, select: { id: true } });
    // The attempt is on the company's timeline: re-derive its last contact (and its contacts').
    await refreshCompanyLastContact(tx, cb.companyId, now);
    await recordAudit(tx, {
      action: "callback.attempt.created", actorId: user.id, actorRole: user.role, entityType: "NumeroVertCallback", entityId: id, platformId: cb.platformId,
      metadata: { attemptId: attempt.id, outcome: input.outcome, changes: auditChanges(cb, data), ruleSetId: rules.id },
    });
    return getCallback(tx, user, id, now);
  });
}
