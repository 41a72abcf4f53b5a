// The retention run (DOMAIN.md §5): archive job seekers at 18 months, destroy them at 24,
// destroy company contacts at 48, periods read from the RETENTION rule set in force.
//
// Invariants:
// - a dry run takes exactly the decisions a real run would take at the same `now`, and writes
//   nothing but its PurgeRun row;
// - each record is handled in its own short transaction (no long locks); a failing record is
//   logged in the run's errors and the others go on;
// - every write is conditional on the state that was read, so a run is idempotent and two runs
//   at once (which pg-boss's singleton prevents anyway) cannot act twice on a record;
// - a run killed halfway leaves finished records done and the others untouched: the next run
//   simply finds what is left.
// No "server-only": scripts and the job runner import it.
import type { Db } from "@/lib/db";
import { recordAudit, type AuditInput } from "@/lib/audit/audit.service";
import { logger } from "@/lib/logger";
import {
  archiveJobSeeker,
  destroyChefDeFile,
  destroyCompanyContact,
  destroyJobSeeker,
  findChefDeFileCandidates,
  findContactCandidates,
  findJobSeekerCandidates,
  type ChefDeFileCandidate,
  type ContactCandidate,
  type JobSeekerCandidate,
} from "@/lib/retention/retention.repo";
import { candidateCutoff, chefDeFileRetentionAction, companyContactRetentionAction, jobSeekerRetentionAction, latestContact } from "@/lib/retention/retention.rules";
import { parseRuleSetPayload, type RetentionRules } from "@/lib/rules/rule-set.schema";
import { destroyFtFileData, findFtFileCandidates } from "@/lib/france-travail/ft-retention.repo";
import { ftDataDueForDestruction } from "@/lib/france-travail/ft-retention.rules";

export type RetentionActionName = "jobSeeker.archive" | "jobSeeker.destroy" | "companyContact.destroy" | "chefDeFile.destroy" | "franceTravail.destroy";
export const RETENTION_ACTIONS: readonly RetentionActionName[] = ["jobSeeker.archive", "jobSeeker.destroy", "companyContact.destroy", "chefDeFile.destroy", "franceTravail.destroy"];

export interface PlannedItem {
  action: RetentionActionName;
  entityType: "JobSeeker" | "CompanyContact" | "ChefDeFile" | "SubsidyFile";
  id: string;
  platformId: string;
}

export type RetentionCounts = Record<RetentionActionName, number>;

export interface RetentionRunOptions {
  dryRun: boolean;
  now?: Date;
  triggeredBy?: string;
  batchSize?: number;
  /** Test hook, called after each record is handled: lets a test kill the run halfway. */
  afterRecord?: (item: PlannedItem, index: number) => void | Promise<void>;
}

export interface RetentionRunResult {
  runId: string;
  status: "SUCCEEDED" | "PARTIAL" | "FAILED";
  counts: RetentionCounts;
  errors: { entityType: string; id: string; message: string }[];
  /** Dry run only: every decision, record by record. */
  items: PlannedItem[];
}

/** Same query as lib/rules/active-rule-set.ts, which is server-only; the job also runs from scripts. */
async function getActiveRuleSetForJob(db: Db, now: Date) {
  const row = await db.ruleSet.findFirst({
    where: { kind: "RETENTION", validFrom: { lte: now }, OR: [{ validTo: null }, { validTo: { gte: now } }] },
    orderBy: [{ validFrom: "desc" }, { version: "desc" }],
    select: { id: true, version: true, payload: true },
  });
  if (!row) throw new Error("Aucun jeu de règles RETENTION en vigueur : la conservation ne peut pas s'exécuter.");
  return { id: row.id, version: row.version, payload: parseRuleSetPayload("RETENTION", row.payload) };
}

const emptyCounts = (): RetentionCounts => ({ "jobSeeker.archive": 0, "jobSeeker.destroy": 0, "companyContact.destroy": 0, "chefDeFile.destroy": 0, "franceTravail.destroy": 0 });

function decideJobSeeker(c: JobSeekerCandidate, rules: RetentionRules, now: Date): PlannedItem | null {
  const action = jobSeekerRetentionAction(c.lastContactAt, c.lifecycle, rules, now);
  if (action === "ARCHIVE") return { action: "jobSeeker.archive", entityType: "JobSeeker", id: c.id, platformId: c.platformId };
  if (action === "DESTROY") return { action: "jobSeeker.destroy", entityType: "JobSeeker", id: c.id, platformId: c.platformId };
  return null;
}

function decideContact(c: ContactCandidate, rules: RetentionRules, now: Date): PlannedItem | null {
  const last = latestContact(c.lastContactAt, c.company.lastContactAt, c.createdAt) ?? c.createdAt;
  if (companyContactRetentionAction(last, c.lifecycle, rules, now) !== "DESTROY") return null;
  return { action: "companyContact.destroy", entityType: "CompanyContact", id: c.id, platformId: c.platformId };
}

function decideChefDeFile(c: ChefDeFileCandidate, rules: RetentionRules, now: Date): PlannedItem | null {
  const last = latestContact(c.lastContactAt, c.company?.lastContactAt, c.events[0]?.event.date, c.createdAt) ?? c.createdAt;
  if (chefDeFileRetentionAction(last, c.lifecycle, rules, now) !== "DESTROY") return null;
  return { action: "chefDeFile.destroy", entityType: "ChefDeFile", id: c.id, platformId: c.platformId };
}

/** Walks every candidate in id-ordered batches, yielding the decided items. */
async function* plan(db: Db, rules: RetentionRules, now: Date, batchSize: number): AsyncGenerator<PlannedItem> {
  const seekerCutoff = candidateCutoff(now, Math.min(rules.jobSeekerArchiveMonths, rules.jobSeekerDestroyMonths));
  for (let after: string | null = null; ; ) {
    const batch = await findJobSeekerCandidates(db, seekerCutoff, after, batchSize);
    for (const c of batch) {
      const item = decideJobSeeker(c, rules, now);
      if (item) yield item;
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1]!.id;
  }
  const contactCutoff = candidateCutoff(now, rules.companyContactDestroyMonths);
  for (let after: string | null = null; ; ) {
    const batch = await findContactCandidates(db, contactCutoff, after, batchSize);
    for (const c of batch) {
      const item = decideContact(c, rules, now);
      if (item) yield item;
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1]!.id;
  }
  for (let after: string | null = null; ; ) {
    const batch = await findChefDeFileCandidates(db, contactCutoff, now, after, batchSize);
    for (const c of batch) {
      const item = decideChefDeFile(c, rules, now);
      if (item) yield item;
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1]!.id;
  }
  // FT convention art. 11: a France Travail project's data, at most N months after its term (issue 22).
  for (const f of await findFtFileCandidates(db, now)) {
    if (ftDataDueForDestruction(f, { durationMonths: f.durationMonths, destroyMonthsAfterEnd: rules.franceTravailDestroyMonthsAfterEnd }, now)) {
      yield { action: "franceTravail.destroy", entityType: "SubsidyFile", id: f.id, platformId: f.platformId };
    }
  }
}

/**
 * Destroys one job seeker now, in its own transaction, audited there: the one destruction path,
 * used by the nightly run and by an erasure request (rights.service.ts). `source` says which.
 * Returns false when the person was already destroyed.
 */
export async function destroyJobSeekerNow(
  db: Db,
  target: { id: string; platformId: string },
  now: Date,
  source: { runId: string } | { rightsRequestId: string; actorId: string; actorRole: AuditInput["actorRole"] },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await destroyJobSeeker(tx, target.id, now);
    if (changed) {
      const actor = "actorId" in source ? { actorId: source.actorId, actorRole: source.actorRole } : {};
      const metadata = "runId" in source ? { runId: source.runId } : { rightsRequestId: source.rightsRequestId };
      await recordAudit(tx, { action: "retention.jobSeeker.destroy", entityType: "JobSeeker", entityId: target.id, platformId: target.platformId, ...actor, metadata });
    }
    return changed;
  });
}

/** Applies one decision in its own transaction, audited there. Returns whether it changed anything. */
async function apply(db: Db, item: PlannedItem, now: Date, runId: string): Promise<boolean> {
  if (item.action === "jobSeeker.destroy") return destroyJobSeekerNow(db, item, now, { runId });
  if (item.action === "franceTravail.destroy") {
    return db.$transaction(async (tx) => {
      const rows = await destroyFtFileData(tx, item.id, now);
      if (rows !== null) await recordAudit(tx, { action: "retention.franceTravail.destroy", entityType: "SubsidyFile", entityId: item.id, platformId: item.platformId, metadata: { runId, diagnostics: rows } });
      return rows !== null;
    });
  }
  return db.$transaction(async (tx) => {
    let changed: boolean;
    if (item.action === "jobSeeker.archive") {
      const c = await tx.jobSeeker.findUnique({ where: { id: item.id }, select: { id: true, platformId: true, lifecycle: true, lastContactAt: true } });
      changed = c ? await archiveJobSeeker(tx, c, now) : false;
    } else if (item.action === "chefDeFile.destroy") {
      changed = await destroyChefDeFile(tx, item.id, now);
    } else {
      changed = await destroyCompanyContact(tx, item.id, now);
    }
    if (changed) {
      await recordAudit(tx, { action: `retention.${item.action}`, entityType: item.entityType, entityId: item.id, platformId: item.platformId, metadata: { runId } });
    }
    return changed;
  });
}

export async function runRetention(db: Db, opts: RetentionRunOptions): Promise<RetentionRunResult> {
  const now = opts.now ?? new Date();
  // A dry run only reads: large batches (few round trips over the whole database, issue 8).
  const batchSize = opts.batchSize ?? (opts.dryRun ? 5000 : 200);
  const ruleSet = await getActiveRuleSetForJob(db, now);
  const run = await db.purgeRun.create({ data: { dryRun: opts.dryRun, triggeredBy: opts.triggeredBy ?? "system", ruleSetId: ruleSet.id, startedAt: now } });
  const log = logger.child({ job: "retention", runId: run.id, dryRun: opts.dryRun });
  log.info({ ruleSetVersion: ruleSet.version }, "retention run started");

  const counts = emptyCounts();
  // Per platform too: the DPO's report and each platform's "what retention did to us".
  const byPlatform: Record<string, RetentionCounts> = {};
  const count = (item: PlannedItem) => {
    counts[item.action] += 1;
    (byPlatform[item.platformId] ??= emptyCounts())[item.action] += 1;
  };
  const errors: RetentionRunResult["errors"] = [];
  const items: PlannedItem[] = [];
  let index = 0;
  try {
    for await (const item of plan(db, ruleSet.payload, now, batchSize)) {
      if (opts.dryRun) {
        items.push(item);
        count(item);
      } else {
        try {
          if (await apply(db, item, now, run.id)) count(item);
        } catch (e) {
          // Never the record's content in the message: the id is enough to investigate.
          const message = e instanceof Error ? e.message.split("\n")[0]!.slice(0, 300) : "erreur inconnue";
          errors.push({ entityType: item.entityType, id: item.id, message });
          log.error({ err: e, entityType: item.entityType, id: item.id }, "retention: record failed");
        }
      }
      await opts.afterRecord?.(item, index++);
    }
  } catch (e) {
    await db.purgeRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), counts: { ...counts, byPlatform }, errors: [...errors, { entityType: "run", id: run.id, message: "interrompu" }] } });
    log.error({ err: e, counts }, "retention run interrupted");
    throw e;
  }

  const status = errors.length === 0 ? "SUCCEEDED" : "PARTIAL";
  await db.purgeRun.update({ where: { id: run.id }, data: { status, finishedAt: new Date(), counts: { ...counts, byPlatform }, errors } });
  if (!opts.dryRun) {
    await recordAudit(db, { action: "retention.run", entityType: "PurgeRun", entityId: run.id, metadata: { counts, errors: errors.length } });
  }
  log.info({ counts, errors: errors.length, status }, "retention run finished");
  return { runId: run.id, status, counts, errors, items };
}
