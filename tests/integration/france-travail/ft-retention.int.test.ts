// Issue 22 — FT convention art. 11: the personal data received for a France Travail project are
// destroyed « au plus tard dans les deux mois suivant l'échéance de la convention » (art. 2: 12 months
// from the signature). In the nightly retention run and its dry run, once, audited.
import { beforeEach, describe, expect, it } from "vitest";
import { runRetention } from "@/lib/retention/retention.service";
import { createPlatform, createRuleSets } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

async function ftProject(name: string, signedAt: string) {
  const platform = await createPlatform(db, name);
  const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "FRANCE_TRAVAIL" } });
  const file = await db.subsidyFile.create({ data: { platformId: platform.id, year: Number(signedAt.slice(0, 4)), funder: "FRANCE_TRAVAIL", status: "SIGNED", signedAt: new Date(signedAt), ruleSetId: rs.id } });
  const person = await db.jobSeeker.create({ data: { platformId: platform.id, lastName: "Mobile", origin: "SPONTANE", lastContactAt: new Date("2026-11-01") } });
  await db.mobilityDiagnostic.create({ data: { platformId: platform.id, jobSeekerId: person.id, subsidyFileId: file.id, date: new Date(signedAt), diagnosticDone: true, distanceBeforeKm: 10, distanceAfterKm: 25 } });
  return { file, person };
}

describe("France Travail project data: destroyed two months after the convention's term", () => {
  it("signed 2025-09-15 → term 2026-09-15 → destroyed by 2026-11-15; the day before nothing happens", async () => {
    await createRuleSets(db);
    const due = await ftProject("FT échu", "2025-09-15");
    const running = await ftProject("FT en cours", "2026-02-01");

    const dayBefore = await runRetention(db, { dryRun: true, now: new Date("2026-11-14T12:00:00Z") });
    expect(dayBefore.counts["franceTravail.destroy"]).toBe(0);

    const dry = await runRetention(db, { dryRun: true, now: new Date("2026-11-15T12:00:00Z") });
    expect(dry.items.filter((i) => i.action === "franceTravail.destroy")).toEqual([{ action: "franceTravail.destroy", entityType: "SubsidyFile", id: due.file.id, platformId: due.file.platformId }]);
    expect(await db.mobilityDiagnostic.count()).toBe(2); // a dry run changes nothing

    const real = await runRetention(db, { dryRun: false, now: new Date("2026-11-15T12:00:00Z") });
    expect(real.counts["franceTravail.destroy"]).toBe(1);
    expect(await db.mobilityDiagnostic.count({ where: { subsidyFileId: due.file.id } })).toBe(0);
    expect(await db.mobilityDiagnostic.count({ where: { subsidyFileId: running.file.id } })).toBe(1);
    expect((await db.subsidyFile.findUniqueOrThrow({ where: { id: due.file.id } })).ftDataDestroyedAt).not.toBeNull();
    // The person stays under the Région's own retention (last contact), only the project's data go.
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: due.person.id } })).lifecycle).toBe("ACTIVE");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "retention.franceTravail.destroy", entityId: due.file.id } });
    expect(audit.metadata).toMatchObject({ runId: real.runId, diagnostics: 1 });

    const again = await runRetention(db, { dryRun: false, now: new Date("2026-12-01T12:00:00Z") });
    expect(again.counts["franceTravail.destroy"]).toBe(0);
  });

  it("the period is the rule set's: a new RETENTION version at 1 month destroys one month earlier", async () => {
    await createRuleSets(db);
    const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "RETENTION" } });
    await db.ruleSet.update({ where: { id: rs.id }, data: { payload: { ...(rs.payload as object), franceTravailDestroyMonthsAfterEnd: 1 } } });
    const due = await ftProject("FT un mois", "2025-09-15");
    const run = await runRetention(db, { dryRun: true, now: new Date("2026-10-15T08:00:00Z") });
    expect(run.items.map((i) => i.id)).toContain(due.file.id);
  });
});
