// The audit append in one round trip (issue 18): the chain step runs in the database
// (`audit_append`), its hash is the one `npm run audit:verify` recomputes, an event written inside
// a transaction needs no savepoint and rolls back with it, and two instances writing at once never
// fork the chain.
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { recordAudit } from "@/lib/audit/audit.service";
import { processEnv, env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

// Starts a writer process and resolves `ready` once it has connected; `go()` releases its writes;
// `done` gives its output once it has exited.
function startWriter(cwd: string, name: string, count: number) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/support/audit-writer.ts", String(count)], {
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
    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows).toHaveLength(tricky.length);
    let prev: string | null = null;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(referenceHash(r));
      prev = r.hash;
    }
    expect(rows[1]).toMatchObject({ actorId: user.id, actorRole: "PLATFORM_ASSISTANT", ip: "10.0.0.1", requestId: "req-1" });
    expect(rows[3]!.metadata).toBeNull();
    expect(await verifyAuditChain(db)).toEqual({ checked: tricky.length, firstBroken: null });
  });

  it("inside a transaction: one statement, no savepoint, and the event rolls back with the transaction", async () => {
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
      expect(sent.filter((q) => !/^COMMIT$/i.test(q.trim()))).toEqual([expect.stringMatching(/^SELECT audit_append\(/)]);
      expect(sent.join("\n")).not.toMatch(/SAVEPOINT/i);

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

  it("refuses a transaction whose snapshot would read a stale head (REPEATABLE READ)", async () => {
    await expect(
      db.$transaction((tx) => recordAudit(tx, { action: "x" }), { isolationLevel: "RepeatableRead" }),
    ).rejects.toThrow(/READ COMMITTED/);
  });

  it("two instances (two processes) writing at once keep one chain, without fork or loss", { timeout: 120_000 }, async () => {
    await recordAudit(db, { action: "start" });
    const cwd = path.resolve(import.meta.dirname, "../..");
    const writers = [startWriter(cwd, "instance-a", 120), startWriter(cwd, "instance-b", 120)];
    // Both connected before either writes: the overlap is arranged, not left to the machine's load.
    await Promise.all(writers.map((w) => w.ready));
    writers.forEach((w) => w.go());
    const [a, b] = await Promise.all(writers.map((w) => w.done));
    expect(a!.stdout).toContain("instance-a: 120 écrits");
    expect(b!.stdout).toContain("instance-b: 120 écrits");

    const rows = await db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { prevHash: true, hash: true, metadata: true } });
    expect(rows).toHaveLength(241);
    // One total order: every event's predecessor is the row just before it, no two share one.
    expect(new Set(rows.map((r) => r.prevHash)).size).toBe(241);
    rows.slice(1).forEach((r, i) => expect(r.prevHash).toBe(rows[i]!.hash));
    // Both instances really wrote concurrently (their events interleave).
    const owners = rows.slice(1).map((r) => (r.metadata as { instance: string }).instance);
    const switches = owners.filter((o, i) => i > 0 && o !== owners[i - 1]).length;
    expect(switches).toBeGreaterThan(1);
    expect(await verifyAuditChain(db)).toEqual({ checked: 241, firstBroken: null });
  });
});
