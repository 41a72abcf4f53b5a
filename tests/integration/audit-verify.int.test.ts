// Tamper evidence: altering or deleting one audit row is detected and named.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { recordAudit } from "@/lib/audit/audit.service";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, resetDb } from "@/tests/support/db";

const exec = promisify(execFile);

beforeEach(resetDb);

/** What an attacker with database access would do: bypass the append-only trigger, then tamper. */
function tamper(sql: ReturnType<typeof Prisma.sql>) {
  return db.$transaction([db.$executeRaw`SELECT set_config('app.audit_maintenance', 'on', true)`, db.$executeRaw(sql)]);
}

async function writeEvents(n: number) {
  for (let i = 0; i < n; i++) {
    await recordAudit(db, { action: "jobSeeker.read", entityType: "JobSeeker", entityId: `id-${i}`, reason: "suivi", metadata: { zeta: i, alpha: { b: 1, a: [2, { y: 1, x: 0 }] } } });
  }
  return db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true } });
}

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
    expect(await verifyAuditChain(db, 2)).toEqual({ checked: 5, firstBroken: null });
  });

  it("names the altered row", async () => {
    const rows = await writeEvents(6);
    const target = rows[3]!.id;
    await tamper(Prisma.sql`UPDATE "AuditEvent" SET reason = 'autre motif' WHERE id = ${target}`);
    const report = await verifyAuditChain(db, 4);
    expect(report.firstBroken).toMatchObject({ id: target.toString(), reason: "hash" });
    expect(report.checked).toBe(3);
  });

  it("names the row after a deleted one", async () => {
    const rows = await writeEvents(4);
    await tamper(Prisma.sql`DELETE FROM "AuditEvent" WHERE id = ${rows[1]!.id}`);
    expect((await verifyAuditChain(db)).firstBroken).toMatchObject({ id: rows[2]!.id.toString(), reason: "chain" });
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
