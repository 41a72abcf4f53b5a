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
//   simply finds what is left. A running run renews a lease (RETENTION rule set, runLeaseMinutes);
//   the next run marks a run whose lease ran out ABANDONED, takes its counts from the audit trail
//   (each record's event is written in the record's own transaction, so they are exact) and links
//   it to itself, so that the DPO reads the true totals (issue 16 §12).
// No "server-only": scripts and the job runner import it.
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StorageDriver } from "@/lib/storage/storage";
import { storageKey } from "@/lib/storage/storage";
import {
  auditPurgeChunks, deleteRevisions, eraseBreach, eraseCompanyNotes, eraseRightsRequest, eraseSoleTrader, findClosedBreaches, findClosedRightsRequests,
  findCompanyNoteCandidates, findReceiptCandidates, findRevisionCandidates, findSoleTraderCandidates, purgeAuditHead,
} from "@/lib/retention/records-retention.repo";
import {
  auditEventDueForRemoval, breachDueForErasure, companyNoteDueForErasure, dueBefore, receiptCandidateMaxYear, receiptDueForDestruction, revisionDueForDeletion,
  rightsRequestDueForErasure, soleTraderDueForErasure,
} from "@/lib/retention/records-retention.rules";
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
import { readRuleSetInForce } from "@/lib/rules/rule-set-versions.repo";
import { destroyFtFileData, findFtFileCandidates } from "@/lib/france-travail/ft-retention.repo";
import { ftDataDueForDestruction } from "@/lib/france-travail/ft-retention.rules";
import { expireIntakeRequest, findIntakeCandidates } from "@/lib/intake/intake-retention.repo";
import { intakeCutoff, intakeExpired } from "@/lib/intake/intake.rules";

export const RETENTION_ACTIONS = [
  "jobSeeker.archive", "jobSeeker.destroy", "companyContact.destroy", "chefDeFile.destroy", "franceTravail.destroy",
  // Issue 22 §5–6: records that had no period.
  "rightsRequest.erase", "breach.erase", "auditEvent.remove", "receipt.destroy", "companyNote.erase", "soleTrader.erase", "revision.delete",
  // Issue 23: public intake requests never converted nor discarded.
  "intakeRequest.expire",
] as const;
export type RetentionActionName = (typeof RETENTION_ACTIONS)[number];

export interface PlannedItem {
  action: RetentionActionName;
  entityType: "JobSeeker" | "CompanyContact" | "ChefDeFile" | "SubsidyFile" | "RightsRequest" | "BreachRecord" | "AuditEvent" | "Receipt" | "CompanyInteraction" | "Company" | "JobSeekerRevision" | "IntakeRequest";
  /** The record; for a group (`ids` or `count`), the last one of the group. */
  id: string;
  /** null: a record of no platform (a request received by the Région, the audit log). */
  platformId: string | null;
  /** Grouped records (notes, history entries): handled in one transaction. */
  ids?: string[];
  /** How many records the item stands for (audit events: a range of ids); 1 when absent. */
  count?: number;
  /** Receipt: the file it belongs to (its storage key). */
  subsidyFileId?: string;
}

export type RetentionCounts = Record<RetentionActionName, number>;

export interface RetentionRunOptions {
  dryRun: boolean;
  now?: Date;
  triggeredBy?: string;
  batchSize?: number;
  /** Where receipts are stored (default: the application's receipt storage). */
  receiptStore?: Pick<StorageDriver, "delete">;
  /** Test hook, called after each record is handled: lets a test kill the run halfway. */
  afterRecord?: (item: PlannedItem, index: number) => void | Promise<void>;
  /**
   * Wall clock of the lease (default: the system clock). `now` is the date decisions are taken at;
   * the lease is real time. Tests move this clock past a lease instead of waiting.
   */
  clock?: () => Date;
}

export interface RetentionRunResult {
  runId: string;
  status: "SUCCEEDED" | "PARTIAL" | "FAILED";
  counts: RetentionCounts;
  /** Runs found abandoned (lease expired) when this one started; a real run took over their work. */
  abandoned: string[];
  errors: { entityType: string; id: string; message: string }[];
  /** Dry run only: every decision, record by record. */
  items: PlannedItem[];
}

/** The RETENTION version in force, read as getActiveRuleSet reads it (which is server-only: the job also runs from scripts). */
async function getActiveRuleSetForJob(db: Db, now: Date) {
  const row = await readRuleSetInForce(db, "RETENTION", now);
  if (!row) throw new Error("Aucun jeu de règles RETENTION en vigueur : la conservation ne peut pas s'exécuter.");
  return { id: row.id, version: row.version, payload: parseRuleSetPayload("RETENTION", row.payload) };
}

const emptyCounts = (): RetentionCounts => Object.fromEntries(RETENTION_ACTIONS.map((a) => [a, 0])) as RetentionCounts;

/** Audit events removed per transaction. */
const AUDIT_CHUNK = 20_000;

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
  // Issue 23: public intake requests never converted nor discarded: personal fields wiped.
  const intakeBound = intakeCutoff(now, rules);
  for (let after: string | null = null; ; ) {
    const batch = await findIntakeCandidates(db, intakeBound, after, batchSize);
    for (const r of batch) {
      if (intakeExpired(r.submittedAt, rules, now)) yield { action: "intakeRequest.expire", entityType: "IntakeRequest", id: r.id, platformId: r.platformId };
    }
    if (batch.length < batchSize) break;
    after = batch[batch.length - 1]!.id;
  }
  yield* planRecords(db, rules, now, batchSize);
}

/** Walks a keyset-paginated query. */
async function* pages<T extends { id: string }>(batchSize: number, fetch: (after: string | null) => Promise<T[]>): AsyncGenerator<T[]> {
  for (let after: string | null = null; ; ) {
    const batch = await fetch(after);
    if (batch.length > 0) yield batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * Issue 22 §5–6: the records the conventions give no period for. Région annex 1 art. 3.1 point 3
 * (« supprimer les Données à caractère personnel à expiration de la durée de conservation »);
 * periods from the RETENTION rule set (records-retention.rules.ts).
 */
async function* planRecords(db: Db, rules: RetentionRules, now: Date, batchSize: number): AsyncGenerator<PlannedItem> {
  for await (const batch of pages(batchSize, (a) => findClosedRightsRequests(db, dueBefore(now, rules.closedRightsRequestMonths), a, batchSize))) {
    for (const r of batch) if (rightsRequestDueForErasure(r, rules, now)) yield { action: "rightsRequest.erase", entityType: "RightsRequest", id: r.id, platformId: r.platformId };
  }
  for await (const batch of pages(batchSize, (a) => findClosedBreaches(db, dueBefore(now, rules.breachRecordMonths), a, batchSize))) {
    for (const b of batch) if (breachDueForErasure(b, rules, now)) yield { action: "breach.erase", entityType: "BreachRecord", id: b.id, platformId: b.platformId };
  }
  for await (const batch of pages(batchSize, (a) => findReceiptCandidates(db, receiptCandidateMaxYear(rules, now), a, batchSize))) {
    for (const r of batch) {
      if (receiptDueForDestruction(r.subsidyFile.year, rules, now)) yield { action: "receipt.destroy", entityType: "Receipt", id: r.id, platformId: r.subsidyFile.platformId, subsidyFileId: r.subsidyFileId };
    }
  }
  for await (const batch of pages(batchSize, (a) => findCompanyNoteCandidates(db, dueBefore(now, rules.companyNoteMonths), a, batchSize))) {
    // Grouped per platform: one transaction and one audit event per group, not per note.
    const byPlatform = new Map<string, string[]>();
    for (const n of batch) if (companyNoteDueForErasure(n.at, rules, now)) (byPlatform.get(n.platformId) ?? byPlatform.set(n.platformId, []).get(n.platformId)!).push(n.id);
    for (const [platformId, ids] of byPlatform) yield { action: "companyNote.erase", entityType: "CompanyInteraction", id: ids[ids.length - 1]!, platformId, ids, count: ids.length };
  }
  for await (const batch of pages(batchSize, (a) => findSoleTraderCandidates(db, dueBefore(now, rules.soleTraderMonths), a, batchSize))) {
    for (const c of batch) if (soleTraderDueForErasure(c, rules, now)) yield { action: "soleTrader.erase", entityType: "Company", id: c.id, platformId: c.platformId };
  }
  for await (const batch of pages(batchSize, (a) => findRevisionCandidates(db, dueBefore(now, rules.rectificationHistoryMonths), a, batchSize))) {
    const byPlatform = new Map<string, string[]>();
    for (const r of batch) if (revisionDueForDeletion(r.createdAt, rules, now)) (byPlatform.get(r.jobSeeker.platformId) ?? byPlatform.set(r.jobSeeker.platformId, []).get(r.jobSeeker.platformId)!).push(r.id);
    for (const [platformId, ids] of byPlatform) yield { action: "revision.delete", entityType: "JobSeekerRevision", id: ids[ids.length - 1]!, platformId, ids, count: ids.length };
  }
  // The audit log last: the events this run writes are recent, never in the removed range. The
  // cutoff is re-checked per event by the rule (an event of the cutoff's Paris day stays).
  const cutoff = dueBefore(now, rules.auditEventMonths);
  for (const chunk of await auditPurgeChunks(db, cutoff, AUDIT_CHUNK)) {
    // The youngest event of the chunk, not its last: in chain order (commit order) times need not increase.
    if (!auditEventDueForRemoval(chunk.latestAt, rules, now)) break;
    yield { action: "auditEvent.remove", entityType: "AuditEvent", id: chunk.upToId.toString(), platformId: null, count: chunk.count };
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

const RECORD_ACTIONS = new Set<RetentionActionName>(["rightsRequest.erase", "breach.erase", "auditEvent.remove", "receipt.destroy", "companyNote.erase", "soleTrader.erase", "revision.delete"]);

async function defaultReceiptStore(): Promise<Pick<StorageDriver, "delete">> {
  const { receiptStorage } = await import("@/lib/storage/index");
  return receiptStorage();
}

/** Issue 22 records: applies one decision in its own transaction; returns how many records changed. */
async function applyRecord(db: Db, item: PlannedItem, now: Date, runId: string, receiptStore: () => Promise<Pick<StorageDriver, "delete">>): Promise<number> {
  const audit = (tx: DbOrTx, metadata: Prisma.InputJsonValue) =>
    recordAudit(tx, { action: `retention.${item.action}`, entityType: item.entityType, entityId: item.id, platformId: item.platformId, metadata });
  switch (item.action) {
    case "rightsRequest.erase":
      return db.$transaction(async (tx) => ((await eraseRightsRequest(tx, item.id)) ? (await audit(tx, { runId }), 1) : 0));
    case "breach.erase":
      return db.$transaction(async (tx) => ((await eraseBreach(tx, item.id, now)) ? (await audit(tx, { runId }), 1) : 0));
    case "soleTrader.erase":
      return db.$transaction(async (tx) => ((await eraseSoleTrader(tx, item.id, now)) ? (await audit(tx, { runId }), 1) : 0));
    case "companyNote.erase":
      return db.$transaction(async (tx) => {
        const n = await eraseCompanyNotes(tx, item.ids ?? [item.id]);
        if (n > 0) await audit(tx, { runId, count: n });
        return n;
      });
    case "revision.delete":
      return db.$transaction(async (tx) => {
        const n = await deleteRevisions(tx, item.ids ?? [item.id]);
        if (n > 0) await audit(tx, { runId, count: n });
        return n;
      });
    case "receipt.destroy": {
      // The stored file first: if that fails the row stays and the next run tries again; deleting
      // a file already gone is not an error.
      await (await receiptStore()).delete(storageKey(item.subsidyFileId!, item.id));
      return db.$transaction(async (tx) => {
        const { count } = await tx.receipt.deleteMany({ where: { id: item.id } });
        if (count === 1) await audit(tx, { runId, subsidyFileId: item.subsidyFileId! });
        return count;
      });
    }
    case "auditEvent.remove":
      return db.$transaction(async (tx) => {
        const n = await purgeAuditHead(tx, BigInt(item.id), runId);
        if (n > 0) await audit(tx, { runId, count: n, upToId: item.id });
        return n;
      });
    default:
      throw new Error(`action de conservation inconnue : ${item.action}`);
  }
}

/** Applies one decision in its own transaction, audited there. Returns whether it changed anything. */
async function apply(db: Db, item: PlannedItem, now: Date, runId: string): Promise<boolean> {
  if (item.action === "jobSeeker.destroy") return destroyJobSeekerNow(db, { id: item.id, platformId: item.platformId! }, now, { runId });
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
    } else if (item.action === "intakeRequest.expire") {
      changed = await expireIntakeRequest(tx, item.id, now);
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

const minutes = (n: number) => n * 60_000;

/**
 * What a run really did, read from the audit trail: every change it made wrote one event with its
 * runId in the change's own transaction (a group: `count` records). Exact even for a killed run.
 */
export async function countsFromAudit(db: DbOrTx, runId: string): Promise<{ counts: RetentionCounts; byPlatform: Record<string, RetentionCounts> }> {
  const rows = await db.$queryRaw<{ action: string; platformId: string | null; n: bigint }[]>`
    SELECT action, "platformId", SUM(COALESCE((metadata->>'count')::bigint, 1))::bigint AS n
    FROM "AuditEvent"
    WHERE action = ANY(${RETENTION_ACTIONS.map((a) => `retention.${a}`)}) AND metadata->>'runId' = ${runId}
    GROUP BY action, "platformId"`;
  const counts = emptyCounts();
  const byPlatform: Record<string, RetentionCounts> = {};
  for (const r of rows) {
    const action = r.action.slice("retention.".length) as RetentionActionName;
    counts[action] += Number(r.n);
    if (r.platformId) (byPlatform[r.platformId] ??= emptyCounts())[action] += Number(r.n);
  }
  return { counts, byPlatform };
}

/**
 * Marks ABANDONED every run still RUNNING whose lease ran out at `wallNow`, and links it to `run`
 * (`resumedById`). A real run takes over real and dry runs; a dry run only dry runs (a simulation
 * must not take a real run's abandonment away from the real run that finishes its work). Each row
 * is claimed by a conditional update: two runs starting together cannot both take the same one.
 */
export async function takeOverAbandonedRuns(db: Db, run: { id: string; dryRun: boolean }, wallNow: Date, leaseMs: number): Promise<string[]> {
  const stale = await db.purgeRun.findMany({
    where: {
      status: "RUNNING",
      id: { not: run.id },
      ...(run.dryRun ? { dryRun: true } : {}),
      // Rows from before leases existed: their start (or last heartbeat) is older than a lease.
      OR: [{ leaseExpiresAt: { lt: wallNow } }, { leaseExpiresAt: null, startedAt: { lt: new Date(wallNow.getTime() - leaseMs) } }],
    },
    select: { id: true, dryRun: true, heartbeatAt: true, startedAt: true, errors: true },
    orderBy: { startedAt: "asc" },
  });
  const taken: string[] = [];
  for (const s of stale) {
    const lastSign = s.heartbeatAt ?? s.startedAt;
    // A dry run changes nothing: its last heartbeat's counts stand; a real run's come from the audit trail.
    const recount = s.dryRun ? null : await countsFromAudit(db, s.id);
    const errors = [...(Array.isArray(s.errors) ? (s.errors as Prisma.InputJsonValue[]) : []), { entityType: "run", id: s.id, message: `interrompu : plus de signe de vie depuis le ${lastSign.toISOString()}` }];
    const { count } = await db.purgeRun.updateMany({
      where: { id: s.id, status: "RUNNING" },
      data: {
        status: "ABANDONED",
        finishedAt: lastSign,
        errors,
        ...(recount ? { counts: { ...recount.counts, byPlatform: recount.byPlatform } } : {}),
        ...(run.dryRun === s.dryRun ? { resumedById: run.id } : {}),
      },
    });
    if (count === 1) taken.push(s.id);
  }
  return taken;
}

export async function runRetention(db: Db, opts: RetentionRunOptions): Promise<RetentionRunResult> {
  const now = opts.now ?? new Date();
  // A dry run only reads: large batches (few round trips over the whole database, issue 8).
  const batchSize = opts.batchSize ?? (opts.dryRun ? 5000 : 200);
  const ruleSet = await getActiveRuleSetForJob(db, now);
  const clock = opts.clock ?? (() => new Date());
  const leaseMs = minutes(ruleSet.payload.runLeaseMinutes);
  const started = clock();
  const run = await db.purgeRun.create({
    data: { dryRun: opts.dryRun, triggeredBy: opts.triggeredBy ?? "system", ruleSetId: ruleSet.id, startedAt: now, heartbeatAt: started, leaseExpiresAt: new Date(started.getTime() + leaseMs) },
  });
  const log = logger.child({ job: "retention", runId: run.id, dryRun: opts.dryRun });
  log.info({ ruleSetVersion: ruleSet.version }, "retention run started");
  const abandoned = await takeOverAbandonedRuns(db, run, started, leaseMs);
  if (abandoned.length > 0) log.warn({ abandoned }, "retention: runs found abandoned (lease expired), their work taken over");

  const counts = emptyCounts();
  // Per platform too: the DPO's report and each platform's "what retention did to us".
  const byPlatform: Record<string, RetentionCounts> = {};
  const count = (item: PlannedItem, n = item.count ?? 1) => {
    counts[item.action] += n;
    if (item.platformId) (byPlatform[item.platformId] ??= emptyCounts())[item.action] += n;
  };
  let store: Pick<StorageDriver, "delete"> | undefined = opts.receiptStore;
  const receiptStore = async () => (store ??= await defaultReceiptStore());
  const errors: RetentionRunResult["errors"] = [];
  const items: PlannedItem[] = [];
  let index = 0;
  // Renews the lease every third of it, with the counts so far (a run in progress shows them).
  let lastBeat = started.getTime();
  const beat = async (force = false) => {
    const at = clock();
    if (!force && at.getTime() - lastBeat < leaseMs / 3) return;
    lastBeat = at.getTime();
    await db.purgeRun.updateMany({
      where: { id: run.id, status: "RUNNING" },
      data: { heartbeatAt: at, leaseExpiresAt: new Date(at.getTime() + leaseMs), counts: { ...counts, byPlatform } },
    });
  };
  // A single record may take long (a receipt on remote storage, an audit chunk): a timer beats too.
  const timer = setInterval(() => void beat().catch((e: unknown) => log.warn({ err: e }, "retention: heartbeat failed")), Math.max(1000, leaseMs / 3));
  timer.unref();
  try {
    for await (const item of plan(db, ruleSet.payload, now, batchSize)) {
      if (opts.dryRun) {
        items.push(item);
        count(item);
      } else {
        try {
          if (RECORD_ACTIONS.has(item.action)) {
            const n = await applyRecord(db, item, now, run.id, receiptStore);
            if (n > 0) count(item, n);
          } else if (await apply(db, item, now, run.id)) count(item);
        } catch (e) {
          // Never the record's content in the message: the id is enough to investigate.
          const message = e instanceof Error ? e.message.split("\n")[0]!.slice(0, 300) : "erreur inconnue";
          errors.push({ entityType: item.entityType, id: item.id, message });
          log.error({ err: e, entityType: item.entityType, id: item.id }, "retention: record failed");
        }
      }
      await beat();
      await opts.afterRecord?.(item, index++);
    }
  } catch (e) {
    clearInterval(timer);
    await db.purgeRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), counts: { ...counts, byPlatform }, errors: [...errors, { entityType: "run", id: run.id, message: "interrompu" }] } });
    log.error({ err: e, counts }, "retention run interrupted");
    throw e;
  }

  clearInterval(timer);
  const status = errors.length === 0 ? "SUCCEEDED" : "PARTIAL";
  await db.purgeRun.update({ where: { id: run.id }, data: { status, finishedAt: new Date(), counts: { ...counts, byPlatform }, errors } });
  if (!opts.dryRun) {
    await recordAudit(db, { action: "retention.run", entityType: "PurgeRun", entityId: run.id, metadata: { counts, errors: errors.length, ...(abandoned.length > 0 ? { resumed: abandoned } : {}) } });
  }
  log.info({ counts, errors: errors.length, status }, "retention run finished");
  return { runId: run.id, status, counts, abandoned, errors, items };
}
