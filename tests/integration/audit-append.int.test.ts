// The audit append without lock, sealed after the fact (issue 18): an event is one plain INSERT
// (no lock, no savepoint) and rolls back with its transaction; the sealer (`audit_seal`) computes
// the hash `npm run audit:verify` recomputes; an event of a long transaction is sealed after its
// commit, never lost; two instances writing at once while two sealers run never fork the chain,
// lose or duplicate an event, and an event committed before another was written comes first.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { recordAudit } from "@/lib/audit/audit.service";
import { sealAudit } from "@/lib/audit/audit-sealer";
import { processEnv, env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createUser } from "@/tests/factories";
import { sealAllAudit } from "@/tests/support/audit-seal";
import { db, resetDb } from "@/tests/support/db";

// Starts a writer (or sealer) process and resolves `ready` once it has connected; `go()` releases
// its writes (stops the sealer); `done` gives its output once it has exited.
function startWriter(cwd: string, name: string, count: number, script = "tests/support/audit-writer.ts") {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, String(count)], {
    cwd,
    env: { ...processEnv(), INSTANCE_NAME: name, LOG_LEVEL: "warn" },
  });
  let stdout = "";
  let stderr = "";
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on("data", (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes(`${name}: prêt`)) markReady();
  });
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ stdout: string }>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve({ stdout }) : reject(new Error(`${name} : code ${code}\n${stderr}`)))),
  );
  // A writer that dies before it is ready fails the test instead of leaving it waiting.
  const readyOrDead = Promise.race([ready, done.then(() => undefined)]);
  return { ready: readyOrDead, go: () => child.stdin.end("go\n"), done };
}

beforeEach(resetDb);

/** The hash as the chain has always defined it (pre-existing rows were written so), spelled out here
 *  independently of lib/audit so that a change of serialisation on either side shows. */
function referenceHash(r: { prevHash: string | null; at: Date; action: string; actorId: string | null; entityType: string | null; entityId: string | null; platformId: string | null; reason: string | null; metadata: unknown }): string {
  const sortKeys = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortKeys) : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])])) : v;
  const body = JSON.stringify([r.prevHash, r.at.toISOString(), r.action, r.actorId, r.entityType, r.entityId, r.platformId, r.reason, sortKeys(r.metadata)]);
  return createHash("sha256").update(body).digest("hex");
}

describe("ajout au journal d'audit en un aller-retour", () => {
  it("computes in SQL the very hash verify recomputes, whatever the characters and the key order", async () => {
    const user = await createUser(db, { role: "PLATFORM_ASSISTANT" });
    const tricky = [
      { zeta: 1, alpha: { b: [3, { y: "x", x: null }], a: true } },
      { texte: "« Guillemets » é à ç œ — 😀 \"cité\" \\ barre /oblique", ctl: "a\u0001b\u001fc\td\ne\rf\bg\fh", sép: "\u2028\u2029" },
      { n: -12.5, big: 12345678901234, tiny: 0.001, neg0: 0, list: [] },
      null,
    ];
    for (const [i, metadata] of tricky.entries()) {
      await recordAudit(db, {
        action: `test.action-${i}`,
        actorId: i % 2 ? user.id : null,
        actorRole: i % 2 ? "PLATFORM_ASSISTANT" : null,
        entityType: i === 3 ? undefined : "JobSeeker",
        entityId: `id « ${i} »`,
        reason: i === 2 ? undefined : "suivi d'accompagnement",
        metadata: metadata ?? undefined,
        ip: "10.0.0.1",
        requestId: `req-${i}`,
      });
    }
    // Written unsealed, then sealed by the real sealer.
    expect(await db.auditEvent.count({ where: { chainPos: null, hash: null, prevHash: null, tail: { not: null } } })).toBe(tricky.length);
    expect(await sealAudit(db)).toBe(tricky.length);
    const rows = await db.auditEvent.findMany({ orderBy: { chainPos: "asc" } });
    expect(rows).toHaveLength(tricky.length);
    expect(rows.map((r) => r.chainPos)).toEqual([1n, 2n, 3n, 4n]);
    expect(rows.every((r) => r.tail === null)).toBe(true);
    let prev: string | null = null;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(referenceHash(r));
      prev = r.hash;
    }
    expect(rows[1]).toMatchObject({ actorId: user.id, actorRole: "PLATFORM_ASSISTANT", ip: "10.0.0.1", requestId: "req-1" });
    expect(rows[3]!.metadata).toBeNull();
    expect(await verifyAuditChain(db)).toEqual({ checked: tricky.length, unsealed: { count: 0, oldestAt: null }, firstBroken: null });
  });

  it("inside a transaction: one statement, no savepoint, no lock, and the event rolls back with the transaction", async () => {
    const sent: string[] = [];
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
    logging.$on("query", (q) => sent.push(q.query));
    try {
      await logging.$transaction(async (tx) => {
        await tx.user.count();
        sent.length = 0;
        await recordAudit(tx, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: "a" });
      });
      // The audit statement, then the COMMIT of the caller's transaction.
      expect(sent.filter((q) => !/^COMMIT$/i.test(q.trim()))).toEqual([expect.stringMatching(/^INSERT INTO "AuditEvent"/)]);
      expect(sent.join("\n")).not.toMatch(/SAVEPOINT|advisory|audit_append/i);

      await expect(
        logging.$transaction(async (tx) => {
          await recordAudit(tx, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: "b" });
          throw new Error("annulé");
        }),
      ).rejects.toThrow("annulé");
    } finally {
      await logging.$disconnect();
    }
    expect((await db.auditEvent.findMany({ select: { entityId: true } })).map((r) => r.entityId)).toEqual(["a"]);
  });

  it("writes in any isolation level (no head to read); the sealer alone requires READ COMMITTED", async () => {
    await db.$transaction((tx) => recordAudit(tx, { action: "x" }), { isolationLevel: "RepeatableRead" });
    await expect(db.$transaction((tx) => sealAudit(tx), { isolationLevel: "RepeatableRead" })).rejects.toThrow(/READ COMMITTED/);
    await sealAllAudit(db);
    expect((await verifyAuditChain(db)).checked).toBe(1);
  });

  it("seals an event of a long transaction once committed, at the chain's end, keeping its time; a rolled-back one never", async () => {
    // The order argument rests on ids drawn in time order: a sequence cache per session would break it.
    const [seq] = await db.$queryRaw<{ cache: bigint }[]>`SELECT seqcache AS cache FROM pg_sequence WHERE seqrelid = pg_get_serial_sequence('"AuditEvent"', 'id')::regclass`;
    expect(Number(seq!.cache)).toBe(1);
    let releaseLong!: () => void;
    const longMayCommit = new Promise<void>((r) => (releaseLong = r));
    let written!: () => void;
    const longWrote = new Promise<void>((r) => (written = r));
    const long = db.$transaction(async (tx) => {
      await recordAudit(tx, { action: "import.person", entityId: "long" });
      written();
      await longMayCommit;
    }, { timeout: 30_000 });
    await longWrote;
    // A rolled-back event takes an id too, and leaves no event behind.
    await expect(db.$transaction(async (tx) => {
      await recordAudit(tx, { action: "x", entityId: "annulé" });
      throw new Error("annulé");
    })).rejects.toThrow("annulé");
    await recordAudit(db, { action: "jobSeeker.read", entityId: "court" });
    // The long transaction's event (smaller id) is not committed: the sealer seals the later one only.
    expect(await sealAudit(db)).toBe(1);
    releaseLong();
    await long;
    await recordAudit(db, { action: "jobSeeker.read", entityId: "après" });
    expect(await sealAudit(db)).toBe(2);
    const rows = await db.auditEvent.findMany({ orderBy: { chainPos: "asc" }, select: { id: true, entityId: true, chainPos: true, at: true } });
    expect(rows.map((r) => [r.entityId, r.chainPos])).toEqual([["court", 1n], ["long", 2n], ["après", 3n]]);
    // Sealed after « court » but dated from its write, before it.
    expect(rows[1]!.id).toBeLessThan(rows[0]!.id);
    expect(rows[1]!.at.getTime()).toBeLessThanOrEqual(rows[0]!.at.getTime());
    expect(await verifyAuditChain(db)).toEqual({ checked: 3, unsealed: { count: 0, oldestAt: null }, firstBroken: null });
  });

  it("two instances writing at once while two sealers run: one chain, every event exactly once, commit order kept", { timeout: 180_000 }, async () => {
    await recordAudit(db, { action: "start" });
    const cwd = path.resolve(import.meta.dirname, "../..");
    const sealers = [startWriter(cwd, "scelleur-a", 0, "tests/support/audit-sealer-process.ts"), startWriter(cwd, "scelleur-b", 0, "tests/support/audit-sealer-process.ts")];
    const writers = [startWriter(cwd, "instance-a", 120), startWriter(cwd, "instance-b", 120)];
    // All connected before either writes: the overlap is arranged, not left to the machine's load.
    await Promise.all([...writers, ...sealers].map((w) => w.ready));
    writers.forEach((w) => w.go());
    const [a, b] = await Promise.all(writers.map((w) => w.done));
    sealers.forEach((s) => s.go());
    const sealed = (await Promise.all(sealers.map((s) => s.done))).map((o, k) => Number(new RegExp(`scelleur-${"ab"[k]}: (\\d+) scellés`).exec(o.stdout)?.[1]));
    expect(a!.stdout).toContain("instance-a: 120 écrits");
    expect(b!.stdout).toContain("instance-b: 120 écrits");
    // Both sealers sealed while the instances wrote (taking turns on the try-lock); the rest now.
    expect(sealed[0]).toBeGreaterThan(0);
    expect(sealed[1]).toBeGreaterThan(0);
    const rest = await sealAllAudit(db);
    expect(sealed[0]! + sealed[1]! + rest).toBe(241);

    const rows = await db.auditEvent.findMany({ orderBy: { chainPos: "asc" }, select: { chainPos: true, prevHash: true, hash: true, metadata: true } });
    expect(rows).toHaveLength(241);
    // One total order without gap: positions 1…241, every event's predecessor the one just before it.
    expect(rows.map((r) => Number(r.chainPos))).toEqual(Array.from({ length: 241 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(241);
    rows.slice(1).forEach((r, i) => expect(r.prevHash).toBe(rows[i]!.hash));
    // Every written event exactly once.
    const key = (m: unknown) => `${(m as { instance: string }).instance}-${(m as { i: number }).i}`;
    const keys = rows.slice(1).map((r) => key(r.metadata));
    expect(new Set(keys).size).toBe(240);
    for (const name of ["instance-a", "instance-b"]) for (let i = 0; i < 120; i++) expect(keys).toContain(`${name}-${i}`);
    // Both instances really wrote concurrently (their events interleave).
    const owners = rows.slice(1).map((r) => (r.metadata as { instance: string }).instance);
    const switches = owners.filter((o, i) => i > 0 && o !== owners[i - 1]).length;
    expect(switches).toBeGreaterThan(1);
    // Commit order kept: whenever A's commit was acknowledged before B's write was called (same
    // machine-wide monotonic clock in both processes), A comes first in the chain.
    const pos = new Map(rows.slice(1).map((r) => [key(r.metadata), Number(r.chainPos)]));
    const times = [a!, b!].flatMap((o, k) => {
      const name = `instance-${"ab"[k]}`;
      const line = o.stdout.split("\n").find((l) => l.startsWith(`${name}: temps `))!;
      return (JSON.parse(line.slice(`${name}: temps `.length)) as { i: number; called: string; committed: string }[]).map((t) => ({ key: `${name}-${t.i}`, called: BigInt(t.called), committed: BigInt(t.committed) }));
    });
    expect(times).toHaveLength(240);
    let ordered = 0;
    const inversions: string[] = [];
    for (const x of times) {
      for (const y of times) {
        if (x.committed < y.called) {
          ordered += 1;
          if (pos.get(x.key)! > pos.get(y.key)!) inversions.push(`${x.key} avant ${y.key}`);
        }
      }
    }
    expect(inversions).toEqual([]);
    // Most pairs are so ordered (sequential lanes, and across processes): the check is not vacuous.
    expect(ordered).toBeGreaterThan(10_000);
    expect(await verifyAuditChain(db)).toEqual({ checked: 241, unsealed: { count: 0, oldestAt: null }, firstBroken: null });
  });
});
