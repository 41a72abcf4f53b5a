import "server-only";
// Yearly objectives of a platform's financial convention: entered by its manager or a Région
// referent, compared with the year's figures (closed snapshots, live for open months). With a Région
// annual file that year, they are the indicators chosen for that convention (ConventionIndicator,
// issue 22 §4); otherwise the platform's own objectives (PlatformObjective).
import { recordAudit } from "@/lib/audit/audit.service";
import { bilanPlatform, bilanPlatforms, monthlyFigures } from "@/lib/bilans/bilan.query";
import { can, type Principal } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, UnprocessableError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { aggregateFigures, emptyFigures, type Figures } from "@/lib/indicators/indicators";
import { currentMonth, type MonthKey } from "@/lib/indicators/period.rules";
import { OBJECTIVE_INDICATORS, objectiveProgress, sumTargets, type ObjectiveProgress, type ObjectiveTarget } from "@/lib/objectives/objective.rules";
import { indicatorsNeedAmendment } from "@/lib/subsidy/subsidy-workflow.rules";
import type { SaveObjectivesInput } from "@/lib/objectives/objective.schema";
import type { SubsidyStatus } from "@/lib/generated/prisma/enums";

export interface ObjectiveRow extends ObjectiveTarget {
  version: number;
}

export async function listObjectives(db: DbOrTx, user: Principal, platformId: string, year: number): Promise<ObjectiveRow[]> {
  await bilanPlatform(db, user, platformId);
  return (await rows(db, [platformId], year)).map(({ indicatorKey, target, version }) => ({ indicatorKey, target, version }));
}

/**
 * Issue 22 §4 — the Région annual convention of a platform for a year (its subsidy file), whose
 * chosen indicators ARE that year's objectives (convention cadre art. 3.1 « Les indicateurs seront
 * définis lors de l'élaboration des conventions financières annuelles », art. 5 « Les objectifs
 * qualitatifs et quantitatifs pour la période concernée »). Null: no Région file that year, the
 * platform's own objectives (PlatformObjective) apply.
 */
export async function regionConventionOf(db: DbOrTx, platformId: string, year: number): Promise<{ id: string; status: string; signedAt: Date | null } | null> {
  return db.subsidyFile.findFirst({ where: { platformId, year, funder: "REGION" }, select: { id: true, status: true, signedAt: true } });
}

export interface AmendmentOption {
  id: string;
  label: string;
}

/**
 * The amendments recorded on a convention's file (step « Enregistrer un avenant », by Région
 * finance), newest first: what a change of a signed convention's indicators must cite.
 */
export async function conventionAmendments(db: DbOrTx, subsidyFileId: string): Promise<AmendmentOption[]> {
  const events = await db.subsidyFileEvent.findMany({ where: { subsidyFileId, transition: "amendment" }, orderBy: { at: "desc" }, select: { id: true, at: true, comment: true } });
  return events.map((e) => ({ id: e.id, label: e.comment ?? `Avenant enregistré le ${formatDate(e.at)}` }));
}

/** The year's targets of some platforms: the convention's chosen indicators where there is one. */
async function rows(db: DbOrTx, platformIds: string[], year: number) {
  const files = await db.subsidyFile.findMany({ where: { platformId: { in: platformIds }, year, funder: "REGION" }, select: { id: true, platformId: true } });
  const withConvention = new Set(files.map((f) => f.platformId));
  const [chosen, own] = await Promise.all([
    files.length ? db.conventionIndicator.findMany({ where: { subsidyFileId: { in: files.map((f) => f.id) } }, select: { subsidyFileId: true, indicatorKey: true, target: true, version: true } }) : [],
    db.platformObjective.findMany({ where: { platformId: { in: platformIds.filter((id) => !withConvention.has(id)) }, year }, select: { platformId: true, indicatorKey: true, target: true, version: true } }),
  ]);
  const platformOf = new Map(files.map((f) => [f.id, f.platformId]));
  return [...chosen.map(({ subsidyFileId, ...r }) => ({ platformId: platformOf.get(subsidyFileId)!, ...r })), ...own];
}

/** The months of `year` elapsed at `now` (all twelve for a past year, none for a future one). */
export function yearMonths(year: number, now: Date): { first: MonthKey; last: MonthKey } | null {
  const first = `${year}-01`;
  const cur = currentMonth(now);
  const last = `${year}-12` < cur ? `${year}-12` : cur;
  return last < first ? null : { first, last };
}

/** The year's figures of some platforms combined (sums over months, then over platforms). */
export async function yearFigures(db: DbOrTx, platformIds: string[], year: number, now: Date): Promise<{ figures: Figures; provisional: boolean }> {
  const span = yearMonths(year, now);
  if (!span || platformIds.length === 0) return { figures: emptyFigures(), provisional: true };
  const byPlatform = await monthlyFigures(db, platformIds, span.first, span.last);
  const series = [...byPlatform.values()];
  const perPlatform = series.map((s) => aggregateFigures(s.map((c) => c.figures)));
  const figures = aggregateFigures([]);
  for (const key of Object.keys(figures)) {
    const values = perPlatform.map((f) => f[key]).filter((v): v is number => typeof v === "number");
    figures[key] = values.length ? values.reduce((a, b) => a + b, 0) : figures[key]!;
  }
  const provisional = span.last !== `${year}-12` || series.some((s) => s.some((c) => !c.closed));
  return { figures, provisional };
}

export interface ObjectivesView {
  year: number;
  rows: ObjectiveProgress[];
  provisional: boolean;
}

/** Objectives vs achieved for one platform, or (platformId null) summed over every visible platform. */
export async function objectivesVsTargets(db: DbOrTx, user: Principal, platformId: string | null, year: number, now: Date): Promise<ObjectivesView> {
  const ids = platformId ? [(await bilanPlatform(db, user, platformId)).id] : (await bilanPlatforms(db, user)).map((p) => p.id);
  const all = await rows(db, ids, year);
  const targets = sumTargets(ids.map((id) => all.filter((r) => r.platformId === id)));
  if (targets.length === 0) return { year, rows: [], provisional: false };
  const { figures, provisional } = await yearFigures(db, ids, year, now);
  return { year, rows: objectiveProgress(targets, figures), provisional };
}

const CONFLICT = "Ces objectifs ont été modifiés entre-temps par quelqu'un d'autre. Rechargez la page pour voir la dernière version.";

/**
 * Where a platform-year's targets live: the Région convention's chosen indicators (issue 22 §4) or,
 * without a Région file that year, the platform's own objectives. Same shape, same locking.
 */
function targetStore(tx: DbOrTx, platformId: string, year: number, conventionId: string | null) {
  if (conventionId) {
    const where = (indicatorKey: string) => ({ subsidyFileId: conventionId, indicatorKey });
    return {
      create: (indicatorKey: string, target: number, userId: string) => tx.conventionIndicator.create({ data: { ...where(indicatorKey), target, updatedById: userId } }),
      remove: (indicatorKey: string) => tx.conventionIndicator.deleteMany({ where: where(indicatorKey) }),
      update: (indicatorKey: string, version: number, target: number, userId: string) =>
        tx.conventionIndicator.updateMany({ where: { ...where(indicatorKey), version }, data: { target, version: { increment: 1 }, updatedById: userId } }),
    };
  }
  const where = (indicatorKey: string) => ({ platformId, year, indicatorKey });
  return {
    create: (indicatorKey: string, target: number, userId: string) => tx.platformObjective.create({ data: { ...where(indicatorKey), target, updatedById: userId } }),
    remove: (indicatorKey: string) => tx.platformObjective.deleteMany({ where: where(indicatorKey) }),
    update: (indicatorKey: string, version: number, target: number, userId: string) =>
      tx.platformObjective.updateMany({ where: { ...where(indicatorKey), version }, data: { target, version: { increment: 1 }, updatedById: userId } }),
  };
}

/**
 * Saves the year's targets (empty = removed), each checked against the version it was read at.
 * With a Région file that year, a target given = the indicator chosen for the convention, an empty
 * one = no longer tracked by it (issue 22 §4), audited on the file.
 */
export async function saveObjectives(db: Db, user: Principal, input: SaveObjectivesInput, ctx: { requestId?: string } = {}): Promise<{ saved: number }> {
  if (!can(user, "objective.write")) throw new ForbiddenError();
  const platform = await bilanPlatform(db, user, input.platformId);
  return db.$transaction(async (tx) => {
    const convention = await regionConventionOf(tx, platform.id, input.year);
    const store = targetStore(tx, platform.id, input.year, convention?.id ?? null);
    const existing = new Map((await rows(tx, [platform.id], input.year)).map((r) => [r.indicatorKey, r]));
    const changed: string[] = [];
    const before: Record<string, number | null> = {};
    for (const [key, target] of Object.entries(input.targets)) {
      const current = existing.get(key);
      const expected = input.versions[key];
      if (current && expected !== undefined && expected !== current.version) throw new ConflictError(CONFLICT);
      if (!current && expected !== undefined) throw new ConflictError(CONFLICT);
      if (target === null) {
        if (current) {
          await store.remove(key);
          changed.push(key);
          before[key] = current.target;
        }
      } else if (!current) {
        await store.create(key, target, user.id);
        changed.push(key);
        before[key] = null;
      } else if (current.target !== target) {
        const { count } = await store.update(key, current.version, target, user.id);
        if (count !== 1) throw new ConflictError(CONFLICT);
        changed.push(key);
        before[key] = current.target;
      }
    }
    let amendmentEventId: string | null = null;
    if (changed.length > 0 && convention && indicatorsNeedAmendment(convention)) {
      const amendment = await citedAmendment(tx, convention.id, input);
      amendmentEventId = amendment.id;
      await tx.subsidyFileEvent.create({
        data: {
          subsidyFileId: convention.id, transition: "indicatorsAmended", fromStatus: convention.status as SubsidyStatus, toStatus: convention.status as SubsidyStatus, actorId: user.id,
          comment: amendedComment(amendment.label, changed, before, input.targets),
        },
      });
    }
    if (changed.length > 0) {
      const metadata = { year: input.year, changed, before, after: Object.fromEntries(changed.map((k) => [k, input.targets[k] ?? null])), ...(amendmentEventId ? { amendmentEventId } : {}) };
      await recordAudit(tx, convention
        ? {
          action: "conventionIndicator.updated", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: convention.id, platformId: platform.id,
          requestId: ctx.requestId, metadata: { ...metadata, chosen: (await rows(tx, [platform.id], input.year)).map((r) => r.indicatorKey).sort() },
        }
        : { action: "objective.updated", actorId: user.id, actorRole: user.role, entityType: "PlatformObjective", platformId: platform.id, requestId: ctx.requestId, metadata });
    }
    return { saved: changed.length };
  });
}

/**
 * The amendment a change of a signed convention's indicators cites: one recorded on this very file.
 * Refused (422, nothing saved) without one, with the way forward in French.
 */
async function citedAmendment(tx: DbOrTx, subsidyFileId: string, input: SaveObjectivesInput): Promise<AmendmentOption> {
  const recorded = await conventionAmendments(tx, subsidyFileId);
  const lead = `La convention ${input.year} est signée : ses indicateurs et leurs cibles ne changent que par un avenant.`;
  if (recorded.length === 0) {
    throw new UnprocessableError(`${lead} Aucun avenant n'est enregistré sur le dossier : la finance de la Région l'enregistre d'abord (étape « Enregistrer un avenant »).`,
      { amendmentEventId: ["Aucun avenant enregistré sur le dossier."] });
  }
  const cited = recorded.find((a) => a.id === input.amendmentEventId);
  if (!cited) {
    throw new UnprocessableError(`${lead} Choisissez l'avenant enregistré sur le dossier qui fait ce changement.`, { amendmentEventId: ["Choisissez l'avenant qui fait ce changement."] });
  }
  return cited;
}

/** The file's history line: the amendment cited, then each change (« Offres recueillies : 40 → 50 »). */
function amendedComment(amendment: string, changed: string[], before: Record<string, number | null>, after: Record<string, number | null>): string {
  const label = (k: string) => OBJECTIVE_INDICATORS.find((d) => d.key === k)?.label ?? k;
  const fr = (n: number) => new Intl.NumberFormat("fr-FR").format(n);
  const lines = changed.map((k) => {
    const b = before[k] ?? null;
    const a = after[k] ?? null;
    if (b === null) return `${label(k)} : ajouté (cible ${fr(a!)})`;
    if (a === null) return `${label(k)} : retiré (cible ${fr(b)})`;
    return `${label(k)} : ${fr(b)} → ${fr(a)}`;
  });
  return `${amendment} — ${lines.join(" ; ")}`;
}
