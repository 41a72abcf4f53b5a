import "server-only";
// Versioned rule sets: a given version, the list, and the admin use case that adds a version (the
// version in force on a date: lib/rules/active-rule-set.ts). A version is never edited in place: a new one is created,
// the previous one is closed the day before, and both steps are audited in one transaction.
import { addDaysUtc } from "@/lib/calendar-day";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ruleSetPayloadSchemas, type RuleSetKindName, type RuleSetPayload } from "@/lib/rules/rule-set.schema";
import type { CreateRuleSetInput } from "@/lib/rules/rule-set-admin.schema";
import { diffPayload } from "@/lib/rules/rule-set-fields";
import { invalidateRuleSets } from "@/lib/rules/rule-set-cache";
import { zodFieldErrors } from "@/lib/validation";

export interface RuleSetDto {
  id: string;
  kind: RuleSetKindName;
  version: number;
  validFrom: string;
  validTo: string | null;
  payload: unknown;
  note: string | null;
  createdAt: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

function toDto(r: { id: string; kind: string; version: number; validFrom: Date; validTo: Date | null; payload: unknown; note: string | null; createdAt: Date }): RuleSetDto {
  // Field by field: a row carries more columns (createdById) than the API documents.
  return { id: r.id, kind: r.kind as RuleSetKindName, version: r.version, validFrom: day(r.validFrom), validTo: r.validTo ? day(r.validTo) : null, payload: r.payload, note: r.note, createdAt: r.createdAt.toISOString() };
}

/** A given rule set, checked against its kind. */
export async function ruleSetById<K extends RuleSetKindName>(db: DbOrTx, kind: K, id: string): Promise<{ id: string; rules: RuleSetPayload<K> }> {
  const row = await db.ruleSet.findFirst({ where: { id, kind }, select: { id: true, payload: true } });
  if (!row) throw new NotFoundError("Jeu de règles introuvable.");
  return { id: row.id, rules: ruleSetPayloadSchemas[kind].parse(row.payload) as RuleSetPayload<K> };
}

export async function listRuleSets(db: Db, user: CurrentUser, kind?: RuleSetKindName): Promise<RuleSetDto[]> {
  if (!can(user, "ruleSet.read")) throw new ForbiddenError();
  const rows = await db.ruleSet.findMany({ where: kind ? { kind } : {}, orderBy: [{ kind: "asc" }, { version: "desc" }] });
  return rows.map(toDto);
}

/** Adds a version of a rule set; the version in force before `validFrom` ends the day before. */
export async function createRuleSetVersion(db: Db, user: CurrentUser, input: CreateRuleSetInput): Promise<RuleSetDto> {
  if (!can(user, "ruleSet.write")) throw new ForbiddenError();
  const parsed = ruleSetPayloadSchemas[input.kind].safeParse(input.payload);
  if (!parsed.success) {
    const fields = Object.fromEntries(Object.entries(zodFieldErrors(parsed.error)).map(([k, v]) => [`payload.${k}`, v]));
    throw new ValidationError(fields, "Le contenu du jeu de règles est invalide.");
  }
  const validFrom = new Date(`${input.validFrom}T00:00:00.000Z`);
  const created = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ruleset:${input.kind}`}))`;
    const last = await tx.ruleSet.findFirst({ where: { kind: input.kind }, orderBy: { version: "desc" }, select: { version: true, payload: true } });
    const previous = await tx.ruleSet.findFirst({
      where: { kind: input.kind, validFrom: { lt: validFrom }, OR: [{ validTo: null }, { validTo: { gte: validFrom } }] },
      orderBy: [{ validFrom: "desc" }, { version: "desc" }],
      select: { id: true, version: true },
    });
    if (await tx.ruleSet.count({ where: { kind: input.kind, validFrom: { gte: validFrom } } })) {
      throw new UnprocessableError("Une version commence déjà à cette date ou après : choisissez une date postérieure.", { validFrom: ["Date antérieure à une version existante."] });
    }
    if (previous) await tx.ruleSet.update({ where: { id: previous.id }, data: { validTo: addDaysUtc(validFrom, -1) } });
    const row = await tx.ruleSet.create({
      data: { kind: input.kind, version: (last?.version ?? 0) + 1, validFrom, payload: parsed.data as Prisma.InputJsonValue, note: input.note, createdById: user.id },
    });
    await recordAudit(tx, {
      action: "ruleSet.created",
      actorId: user.id,
      actorRole: user.role,
      entityType: "RuleSet",
      entityId: row.id,
      metadata: { kind: input.kind, version: row.version, validFrom: input.validFrom, closedVersion: previous?.version ?? null, payload: parsed.data as Prisma.InputJsonValue,
        changedFields: last ? diffPayload(last.payload, parsed.data).map((c) => c.path) : null },
    });
    return toDto(row);
  });
  // Committed: this instance's copy goes now; the others drop theirs on the trigger's notification.
  invalidateRuleSets(db);
  return created;
}
