// The rule sets held in memory (issue 18, lib/rules/rule-set-cache.ts) are never served once they are
// no longer the ones in force: a change made by another connection (another instance, psql) drops
// them when its notification arrives; a lost listening connection sends every read to the table
// until it listens again; a transaction reads its own writes; the writer of this process drops them
// at its commit; and the version picked in memory is the one the SQL picks, date by date.
import type { EventEmitter } from "node:events";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { parisDay, utcMidnight } from "@/lib/paris-day";
import { getActiveRuleSet, NoRuleSetInForceError } from "@/lib/rules/active-rule-set";
import { startRuleSetListener, type InvalidationReason, type RuleSetListener } from "@/lib/rules/rule-set-cache";
import { createRuleSetVersion } from "@/lib/rules/rule-set.service";
import { initialRuleSets } from "@/prisma/seed/rule-sets";
import { createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-06-15T10:00:00.000Z");
const APP_NAME = "prochemploi-rule-sets";

/** Another connection: a second instance, or an administrator in psql. */
const admin = new pg.Client({ connectionString: env.DATABASE_URL });
let listener: RuleSetListener | null = null;

beforeAll(() => admin.connect());
afterAll(() => admin.end());
beforeEach(async () => {
  await resetDb();
  await db.ruleSet.createMany({ data: initialRuleSets() });
});
afterEach(async () => {
  await listener?.stop();
  listener = null;
});

/** The next drop of the copy for `reason` (registered before the change that causes it). */
function nextInvalidation(events: EventEmitter, reason: InvalidationReason): Promise<void> {
  return new Promise((resolve) => {
    const on = (r: InvalidationReason) => {
      if (r !== reason) return;
      events.off("invalidated", on);
      resolve();
    };
    events.on("invalidated", on);
  });
}

async function listening(opts: Parameters<typeof startRuleSetListener>[2] = {}): Promise<RuleSetListener> {
  const l = startRuleSetListener(db, env.DATABASE_URL!, opts);
  listener = l;
  await new Promise((resolve) => l.events.once("listening", resolve));
  return l;
}

const breachHours = async () => (await getActiveRuleSet(db, "DEADLINES", NOW)).payload.breachNotifyHours;

/** Changes the DEADLINES payload from the other connection; `silently`: triggers off, as no notification would arrive. */
async function setBreachHours(hours: number, { silently = false } = {}) {
  if (silently) await admin.query("SET session_replication_role = replica");
  try {
    await admin.query(`UPDATE "RuleSet" SET payload = jsonb_set(payload, '{breachNotifyHours}', to_jsonb($1::int)) WHERE kind = 'DEADLINES'`, [hours]);
  } finally {
    if (silently) await admin.query("SET session_replication_role = origin");
  }
}

describe("jeux de règles en mémoire, invalidés par NOTIFY", () => {
  it("sert la copie tant qu'elle écoute, et voit la version changée par une autre connexion dès la notification reçue", async () => {
    const l = await listening();
    const before = await breachHours();
    // Served from memory: a change that notifies nobody (triggers off) is not seen...
    await setBreachHours(before + 1, { silently: true });
    expect(await breachHours()).toBe(before);
    // ...a notified one is, by the first read after its notification.
    const notified = nextInvalidation(l.events, "notification");
    await setBreachHours(before + 2);
    await notified;
    expect(await breachHours()).toBe(before + 2);
  });

  it("chaque sorte de changement (INSERT, UPDATE, DELETE, TRUNCATE) notifie, pas une transaction annulée", async () => {
    const l = await listening();
    const reasons: InvalidationReason[] = [];
    l.events.on("invalidated", (r: InvalidationReason) => reasons.push(r));
    await admin.query("BEGIN");
    await admin.query(`DELETE FROM "RuleSet"`);
    await admin.query("ROLLBACK");
    for (const sql of [
      `INSERT INTO "RuleSet" (id, kind, version, "validFrom", payload) SELECT gen_random_uuid(), kind, 2, '2030-01-01', payload FROM "RuleSet" WHERE kind = 'DEADLINES'`,
      `UPDATE "RuleSet" SET note = 'psql' WHERE version = 2`,
      `DELETE FROM "RuleSet" WHERE version = 2`,
      `TRUNCATE "RuleSet" CASCADE`,
    ]) {
      const notified = nextInvalidation(l.events, "notification");
      await admin.query(sql);
      await notified;
    }
    // One per statement: the rolled-back DELETE sent none.
    expect(reasons).toEqual(["notification", "notification", "notification", "notification"]);
    await expect(getActiveRuleSet(db, "DEADLINES", NOW)).rejects.toBeInstanceOf(NoRuleSetInForceError);
  });

  it("connexion d'écoute tuée (pg_terminate_backend) : lecture en base jusqu'à ce qu'elle écoute de nouveau, jamais une copie périmée", async () => {
    const l = await listening({ retryMs: 2_000 });
    const before = await breachHours();
    const lost = new Promise((resolve) => l.events.once("lost", resolve));
    const killed = await admin.query(`SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [APP_NAME]);
    expect(killed.rows).toEqual([{ ok: true }]);
    await lost;
    expect(l.isListening).toBe(false);
    // Nobody listens: this change's notification is lost for good. The reads go to the table.
    await setBreachHours(before + 3);
    expect(await breachHours()).toBe(before + 3);
    await setBreachHours(before + 4, { silently: true });
    expect(await breachHours()).toBe(before + 4);
    expect(l.isListening).toBe(false);
    // Listening again (a new connection): the copy starts from the table.
    await new Promise((resolve) => l.events.once("listening", resolve));
    expect(await breachHours()).toBe(before + 4);
    await setBreachHours(before + 5, { silently: true });
    expect(await breachHours()).toBe(before + 4);
  });

  it("une transaction lit ses propres écritures, pas la copie ; annulée, la copie reste juste", async () => {
    await listening();
    const before = await breachHours();
    const seen = await db
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE "RuleSet" SET payload = jsonb_set(payload, '{breachNotifyHours}', to_jsonb(${before + 6}::int)) WHERE kind = 'DEADLINES'`;
        const inside = (await getActiveRuleSet(tx, "DEADLINES", NOW)).payload.breachNotifyHours;
        // Outside the transaction, its write is not visible yet.
        const outside = await breachHours();
        throw Object.assign(new Error("rollback"), { inside, outside });
      })
      .catch((e: { inside: number; outside: number }) => e);
    expect([seen.inside, seen.outside]).toEqual([before + 6, before]);
    expect(await breachHours()).toBe(before);
  });

  it("l'écrivain de ce processus abandonne la copie dès son commit, sans attendre la notification", async () => {
    const l = await listening();
    const user = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const at = new Date("2027-01-01T12:00:00.000Z");
    const old = await getActiveRuleSet(db, "DEADLINES", at);
    const reasons: InvalidationReason[] = [];
    l.events.on("invalidated", (r: InvalidationReason) => reasons.push(r));
    const created = await createRuleSetVersion(db, user, { kind: "DEADLINES", validFrom: "2027-01-01", note: "Nouveau délai", payload: { ...old.payload, breachNotifyHours: old.payload.breachNotifyHours + 7 } });
    // Dropped by the writer before createRuleSetVersion returned. The NOTIFY comes back on the
    // listener's own connection and may be handled before or after: its order is not the point.
    expect(reasons).toContain("local");
    const now = await getActiveRuleSet(db, "DEADLINES", at);
    expect([now.id, now.version, now.payload.breachNotifyHours]).toEqual([created.id, 2, old.payload.breachNotifyHours + 7]);
  });

  it("une version qui commence le 1er janvier s'applique dès minuit à Paris (23 h UTC la veille), avec ou sans copie en mémoire", async () => {
    const old = await getActiveRuleSet(db, "DEADLINES", NOW);
    await db.ruleSet.create({ data: { kind: "DEADLINES", version: 2, validFrom: new Date("2027-01-01"), payload: { ...old.payload, breachNotifyHours: old.payload.breachNotifyHours + 7 } } });
    const versionAt = (at: string) => getActiveRuleSet(db, "DEADLINES", new Date(at)).then((r) => r.version);
    // Without a copy (the SQL query), then from the copy.
    expect([await versionAt("2026-12-31T22:30:00Z"), await versionAt("2026-12-31T23:30:00Z")]).toEqual([1, 2]);
    await listening();
    expect([await versionAt("2026-12-31T22:30:00Z"), await versionAt("2026-12-31T23:30:00Z")]).toEqual([1, 2]);
    // The message names the Paris day.
    await db.ruleSet.deleteMany({ where: { kind: "DEADLINES", version: 1 } });
    await expect(db.$transaction((tx) => getActiveRuleSet(tx, "DEADLINES", new Date("2026-12-31T22:30:00Z")))).rejects.toThrow("n'est en vigueur au 31/12/2026");
  });

  it("la version choisie en mémoire est celle que choisit la requête SQL, à chaque date (bornes, fuseaux, versions du même jour)", async () => {
    await db.ruleSet.deleteMany({ where: { kind: "OPERATIONS" } });
    const payload = initialRuleSets().find((r) => r.kind === "OPERATIONS")!.payload!;
    // Overlaps, a gap, two versions starting the same day, an open end, a one-day version.
    const versions: [number, string, string | null][] = [
      [1, "2025-01-01", "2025-12-31"],
      [2, "2025-06-01", null],
      [3, "2026-01-01", "2026-03-31"],
      [4, "2026-01-01", "2026-02-15"],
      [5, "2026-05-01", "2026-05-01"],
      [6, "2026-07-01", "2026-06-30"],
      [7, "2026-09-01", "2026-09-30"],
    ];
    for (const [version, from, to] of versions) {
      await db.ruleSet.create({ data: { kind: "OPERATIONS", version, validFrom: new Date(from), validTo: to ? new Date(to) : null, payload } });
    }
    const instants = [
      "2024-12-31T12:00:00.000Z", "2024-12-31T23:59:59.999Z", "2025-01-01T00:00:00.000Z", "2025-05-31T23:59:59.999Z", "2025-06-01T00:00:00.000Z", "2025-12-31T23:59:59.999Z",
      "2026-01-01T00:00:00.000Z", "2026-02-15T23:59:59.999Z", "2026-02-16T00:00:00.000Z", "2026-03-31T12:00:00.000Z", "2026-04-01T00:00:00.000Z",
      "2026-05-01T00:00:00.000Z", "2026-05-01T23:59:59.999Z", "2026-05-02T00:00:00.000Z", "2026-06-30T12:00:00.000Z", "2026-07-01T00:00:00.000Z",
      "2026-08-31T23:30:00.000-02:00", "2026-09-01T01:30:00.000+02:00", "2026-09-30T23:59:59.999Z", "2026-10-01T00:00:00.000Z", "2030-01-01T00:00:00.000Z",
    ].map((s) => new Date(s));
    // The SQL's answer: the query the application sends without a copy (and sent before issue 18),
    // on the instant's Paris day as getActiveRuleSet binds it.
    const sql = async (instant: Date) => {
      const at = utcMidnight(parisDay(instant));
      const row = await db.ruleSet.findFirst({
        where: { kind: "OPERATIONS", validFrom: { lte: at }, OR: [{ validTo: null }, { validTo: { gte: at } }] },
        orderBy: [{ validFrom: "desc" }, { version: "desc" }],
        select: { version: true },
      });
      return row?.version ?? null;
    };
    const expected = await Promise.all(instants.map(sql));
    const l = await listening();
    const reads: InvalidationReason[] = [];
    l.events.on("invalidated", (r: InvalidationReason) => reads.push(r));
    const inMemory = await Promise.all(instants.map((at) => getActiveRuleSet(db, "OPERATIONS", at).then((r) => r.version, (e: unknown) => (e instanceof NoRuleSetInForceError ? null : Promise.reject(e)))));
    expect(inMemory).toEqual(expected);
    // The table is not trivial: no version, and most versions, are each some date's answer.
    expect(new Set(expected).size).toBeGreaterThanOrEqual(6);
    expect(expected).toContain(null);
    // All of it from one copy, read once and not dropped since: a removal that notifies nobody changes nothing.
    expect(l.isListening).toBe(true);
    expect(reads).toEqual([]);
    await admin.query("SET session_replication_role = replica");
    await admin.query(`DELETE FROM "RuleSet" WHERE kind = 'OPERATIONS'`);
    await admin.query("SET session_replication_role = origin");
    expect(await Promise.all(instants.map((at) => getActiveRuleSet(db, "OPERATIONS", at).then((r) => r.version, () => null)))).toEqual(expected);
  });
});
