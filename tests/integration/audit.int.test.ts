import { beforeEach, describe, expect, it } from "vitest";
import { auditHash, recordAudit } from "@/lib/audit/audit.service";
import { sealAllAudit } from "@/tests/support/audit-seal";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

describe("journal d'audit chaîné", () => {
  it("chaîne chaque événement au précédent, même écrits en parallèle", async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => recordAudit(db, { action: "test.event", entityId: String(i) })));
    await sealAllAudit(db);
    const rows = await db.auditEvent.findMany({ orderBy: { chainPos: "asc" } });
    expect(rows).toHaveLength(10);
    let prev: string | null = null;
    for (const r of rows) {
      expect(r.prevHash).toBe(prev);
      expect(r.hash).toBe(auditHash(prev, { action: r.action, entityId: r.entityId ?? undefined }, r.at));
      prev = r.hash;
    }
  });
});
