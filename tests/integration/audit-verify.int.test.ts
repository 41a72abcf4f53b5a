// Tamper evidence: altering or deleting one audit row is detected and named.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { recordAudit } from "@/lib/audit/audit.service";
import { Prisma } from "@/lib/generated/prisma/client";
import { sealAllAudit } from "@/tests/support/audit-seal";
import { db, resetDb } from "@/tests/support/db";

const exec = promisify(execFile);

beforeEach(resetDb);

/** What an attacker with database access would do: bypass the append-only trigger, then tamper. */
function tamper(sql: ReturnType<typeof Prisma.sql>) {
  return db.$transaction([db.$executeRaw`SELECT set_config('app.audit_maintenance', 'on', true)`, db.$executeRaw(sql)]);
}

async function writeEvents(n: number, opts: { seal?: boolean } = {}) {
  for (let i = 0; i < n; i++) {
    await recordAudit(db, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: `id-${i}`, reason: "suivi", metadata: { zeta: i, alpha: { b: 1, a: [2, { y: 1, x: 0 }] } } });
  }
  // Sealed by the real sealer, as a server instance does within a second.
  if (opts.seal ?? true) await sealAllAudit(db);
  return db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
}

const intact = (checked: number) => ({ checked, unsealed: { count: 0, oldestAt: null }, firstBroken: null });

describe("vérification du journal d'audit", () => {
  it("is append-only: the database refuses UPDATE and DELETE", async () => {
    const rows = await writeEvents(2);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET reason = 'x' WHERE id = ${rows[0]!.id}`).rejects.toThrow(/ajout seul/);
    await expect(db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${rows[1]!.id}`).rejects.toThrow(/ajout seul/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow();
    expect(await db.auditEvent.count()).toBe(2);
  });

  it("accepts an intact chain, whatever order jsonb gives the metadata keys back in", async () => {
    await writeEvents(5);
    expect(await verifyAuditChain(db, { batchSize: 2 })).toEqual(intact(5));
  });

  it("names the altered row", async () => {
    const rows = await writeEvents(6);
    const target = rows[3]!.id;
    await tamper(Prisma.sql`UPDATE "AuditEvent" SET reason = 'autre motif' WHERE id = ${target}`);
    const report = await verifyAuditChain(db, { batchSize: 4 });
    expect(report.firstBroken).toMatchObject({ id: target.toString(), reason: "hash" });
    expect(report.checked).toBe(3);
  });

  it("names the row after a deleted one", async () => {
    const rows = await writeEvents(4);
    await tamper(Prisma.sql`DELETE FROM "AuditEvent" WHERE id = ${rows[1]!.id}`);
    expect((await verifyAuditChain(db)).firstBroken).toMatchObject({ id: rows[2]!.id.toString(), reason: "chain" });
  });

  it("is append-only for waiting events too: no delete even in maintenance, no update but the sealer's, no insert already sealed", async () => {
    const rows = await writeEvents(2, { seal: false });
    await expect(tamper(Prisma.sql`DELETE FROM "AuditEvent" WHERE id = ${rows[0]!.id}`)).rejects.toThrow(/en attente de scellement ne peut être supprimé/);
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET reason = 'x' WHERE id = ${rows[0]!.id}`).rejects.toThrow(/ajout seul/);
    // The sealer's flag allows sealing, never a change of content, nor a seal without hash.
    const sealAs = (sql: ReturnType<typeof Prisma.sql>) => db.$transaction([db.$executeRaw`SELECT set_config('app.audit_seal', 'on', true)`, db.$executeRaw(sql)]);
    await expect(sealAs(Prisma.sql`UPDATE "AuditEvent" SET "chainPos" = 1, hash = 'h', tail = NULL, reason = 'autre' WHERE id = ${rows[0]!.id}`)).rejects.toThrow(/ajout seul/);
    await expect(sealAs(Prisma.sql`UPDATE "AuditEvent" SET "chainPos" = 1, tail = NULL WHERE id = ${rows[0]!.id}`)).rejects.toThrow(/ajout seul/);
    await expect(db.$executeRaw`INSERT INTO "AuditEvent" (action, "chainPos", hash) VALUES ('x', 99, 'h')`).rejects.toThrow(/ajout seul/);
    expect(await db.auditEvent.count({ where: { chainPos: null } })).toBe(2);
    await sealAllAudit(db);
    // Once sealed, gone from reach as before: the seal cannot be redone.
    await expect(sealAs(Prisma.sql`UPDATE "AuditEvent" SET "chainPos" = 7 WHERE id = ${rows[0]!.id}`)).rejects.toThrow(/ajout seul/);
    expect(await verifyAuditChain(db)).toEqual(intact(2));
  });

  it("reports the events waiting to be sealed, and fails when one waits longer than the accepted delay", async () => {
    await writeEvents(2);
    await writeEvents(3, { seal: false });
    const waiting = await db.auditEvent.findMany({ where: { chainPos: null }, orderBy: { at: "asc" }, select: { id: true, at: true } });
    const fresh = await verifyAuditChain(db, { now: new Date(waiting[0]!.at.getTime() + 60_000), maxSealDelayMinutes: 5 });
    expect(fresh).toEqual({ checked: 2, unsealed: { count: 3, oldestAt: waiting[0]!.at.toISOString() }, firstBroken: null });
    const late = await verifyAuditChain(db, { now: new Date(waiting[0]!.at.getTime() + 6 * 60_000), maxSealDelayMinutes: 5 });
    expect(late.firstBroken).toEqual({ id: waiting[0]!.id.toString(), at: waiting[0]!.at.toISOString(), reason: "unsealed" });
    await sealAllAudit(db);
    expect(await verifyAuditChain(db, { now: new Date(waiting[0]!.at.getTime() + 6 * 60_000), maxSealDelayMinutes: 5 })).toEqual(intact(5));
  });

  it("names an event altered before its seal, before and after the seal", async () => {
    const rows = await writeEvents(3, { seal: false });
    await tamper(Prisma.sql`UPDATE "AuditEvent" SET "entityId" = 'autre' WHERE id = ${rows[1]!.id}`);
    expect((await verifyAuditChain(db)).firstBroken).toMatchObject({ id: rows[1]!.id.toString(), reason: "hash" });
    await sealAllAudit(db);
    expect((await verifyAuditChain(db)).firstBroken).toMatchObject({ id: rows[1]!.id.toString(), reason: "hash" });
  });

  it("`npm run audit:verify` fails and names the altered row", { timeout: 90_000 }, async () => {
    const rows = await writeEvents(3);
    const script = ["tsx", "scripts/audit-verify.ts"];
    const cwd = path.resolve(import.meta.dirname, "../..");
    const ok = await exec(path.join(cwd, "node_modules/.bin", script[0]!), [script[1]!], { cwd });
    expect(ok.stdout).toContain("3 entrées vérifiées");
    await tamper(Prisma.sql`UPDATE "AuditEvent" SET action = 'jobSeeker.export' WHERE id = ${rows[1]!.id}`);
    const failed = await exec(path.join(cwd, "node_modules/.bin", script[0]!), [script[1]!], { cwd }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`n° ${rows[1]!.id}`);
  });
});
