// Issue 9 — concurrency on a real PostgreSQL: two truly simultaneous edits of the same record
// (same version read) → exactly one wins, the other gets a conflict (409), nothing is lost or mixed.
// A barrier makes the transactions interleave on purpose (issue 21): every contender has read the
// record inside its transaction before any of them is let through to its write.
// (Payments vs the award, hires vs positions, event capacity and retention runs are covered in
// subsidy-workflow, proposal.service, event.service and retention integration tests.)
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { createCompanySchema, updateCompanySchema } from "@/lib/companies/company.schema";
import { createCompany, updateCompany } from "@/lib/companies/company.service";
import { ConflictError } from "@/lib/errors";
import { updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { updateJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { createJobSeeker, createPlatform, createRuleSets, platformUser, validSiret } from "@/tests/factories";
import { writeBarrier } from "@/tests/support/barrier";
import { db, resetDb } from "@/tests/support/db";

beforeAll(() => loadCommuneReference(db), 300_000);
beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

/** Every contender has read the record and reached its `updateMany` before any writes (tests/support/barrier.ts). */
const withWriteBarrier = (model: "company" | "jobSeeker", parties: number) => writeBarrier(db, model, "updateMany", parties);

/** Runs the edits at the same time; returns the winners' labels and the conflicts. */
async function race<T>(edits: [string, () => Promise<T>][]) {
  const results = await Promise.allSettled(edits.map(([, f]) => f()));
  const winners = edits.filter((_, i) => results[i]!.status === "fulfilled").map(([label]) => label);
  const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason as unknown);
  return { winners, losers };
}

describe("modifications simultanées d'un même enregistrement", () => {
  it("entreprise : une seule des modifications simultanées passe, les autres reçoivent 409, rien n'est mélangé", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const user = await platformUser(db, "PLATFORM_ASSISTANT", lens.id);
    const c = await createCompany(db, user, createCompanySchema.parse({ siret: validSiret(), name: "Départ", communeCode: "62498" }));
    const barrier = withWriteBarrier("company", 3);
    const edit = (name: string, address: string) => () =>
      updateCompany(barrier.client, user, c.id, updateCompanySchema.parse({ siret: c.siret, name, address, communeCode: "62498", version: c.version, numeroVert: false }));
    const { winners, losers } = await race([["A", edit("Nom A", "1 rue A")], ["B", edit("Nom B", "2 rue B")], ["C", edit("Nom C", "3 rue C")]]);
    expect(barrier.arrived()).toBe(3);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(2);
    for (const e of losers) {
      expect(e).toBeInstanceOf(ConflictError);
      expect((e as ConflictError).status).toBe(409);
    }
    const row = await db.company.findUniqueOrThrow({ where: { id: c.id } });
    const w = winners[0]!;
    expect(row).toMatchObject({ name: `Nom ${w}`, version: c.version + 1 });
    expect(JSON.stringify(row)).toContain(`${{ A: "1", B: "2", C: "3" }[w]} rue ${w}`);
    for (const other of ["A", "B", "C"].filter((x) => x !== w)) expect(JSON.stringify(row)).not.toContain(` rue ${other}`);
    expect(await db.auditEvent.count({ where: { action: "company.updated", entityId: c.id } })).toBe(1);
  });

  it("demandeur d'emploi : une seule des modifications simultanées passe, l'autre reçoit 409", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const user = await platformUser(db, "PLATFORM_ASSISTANT", lens.id);
    const js = await createJobSeeker(db, lens.id);
    const barrier = withWriteBarrier("jobSeeker", 2);
    const edit = (lastName: string) => () => updateJobSeeker(barrier.client, user, js.id, updateJobSeekerSchema.parse({ lastName, version: js.version }));
    const { winners, losers } = await race([["Alpha", edit("Alpha")], ["Beta", edit("Beta")]]);
    expect(barrier.arrived()).toBe(2);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toBeInstanceOf(ConflictError);
    const row = await db.jobSeeker.findUniqueOrThrow({ where: { id: js.id } });
    expect(row).toMatchObject({ lastName: winners[0], version: js.version + 1 });
    // The loser retries on the new version: its edit is applied, nothing is lost.
    const loser = winners[0] === "Alpha" ? "Beta" : "Alpha";
    await updateJobSeeker(db, user, js.id, updateJobSeekerSchema.parse({ lastName: loser, version: row.version }));
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id: js.id } })).toMatchObject({ lastName: loser, version: js.version + 2 });
  });
});
