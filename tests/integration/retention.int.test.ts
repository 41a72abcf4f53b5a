// The retention run on a real PostgreSQL: a dataset spread over five years.
import { beforeEach, describe, expect, it } from "vitest";
import { runRetention } from "@/lib/retention/retention.service";
import { createCompany, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { CONTACT_PLACES, PERSON_PLACES, contactMarkers, explainTraces, findAnywhere as findIn, personMarkers, seedPersonEverywhere } from "@/tests/support/person-traces";
import { transactionBarrier } from "@/tests/support/barrier";
import { RETENTION_ACTIONS, takeOverAbandonedRuns } from "@/lib/retention/retention.service";
import { randomUUID } from "node:crypto";
import { findPurgeRun, listPurgeRuns } from "@/lib/retention/purge-run.query";
import { loadPrincipal } from "@/lib/auth/principal";
import { parseRuleSetPayload } from "@/lib/rules/rule-set.schema";

/** Issue 22 added the records' actions: none of them applies to this dataset. */
const NO_ACTION = Object.fromEntries(RETENTION_ACTIONS.map((a) => [a, 0]));

const NOW = new Date("2026-06-15T08:00:00Z");
const monthsAgo = (m: number, days = 0) => {
  const d = new Date(NOW);
  d.setUTCMonth(d.getUTCMonth() - m);
  d.setUTCDate(d.getUTCDate() - days);
  return d;
};

interface Person {
  id: string;
  lastName: string;
  firstName: string;
  email: string;
  phone: string;
  franceTravailId: string;
  birthDate: string;
  addressLine: string;
}

/** Job seekers whose last contact goes from 1 month to 5 years ago, each with notes, a proposal and a request. */
async function seedDataset() {
  await createRuleSets(db);
  const platform = await createPlatform(db);
  const company = await createCompany(db, platform.id);
  const offer = await db.jobOffer.create({
    data: { platformId: platform.id, companyId: company.id, title: "Cariste", contractType: "CDI", source: "VISITE", receivedAt: monthsAgo(40) },
  });
  const event = await db.circuitCourtEvent.create({ data: { platformId: platform.id, title: "Job dating logistique", date: monthsAgo(30), place: "Lens" } });
  const ages = [1, 10, 17, 18, 20, 23, 24, 30, 42, 60];
  const people: (Person & { months: number })[] = [];
  for (const [i, months] of ages.entries()) {
    const p: Person & { months: number } = {
      id: "",
      months,
      lastName: `Zyxnom${i}Q`,
      firstName: `Prenomq${i}X`,
      email: `personne.${i}.retention@exemple.fr`,
      phone: `0611223${String(i).padStart(3, "0")}`,
      franceTravailId: `FTID${i}77Z`,
      birthDate: `1990-0${(i % 9) + 1}-1${i % 10}`,
      addressLine: `${i} rue des Archives`,
    };
    const js = await db.jobSeeker.create({
      data: {
        platformId: platform.id,
        lastName: p.lastName,
        firstName: p.firstName,
        email: p.email,
        phone: p.phone,
        franceTravailId: p.franceTravailId,
        birthDate: new Date(`${p.birthDate}T00:00:00Z`),
        addressLine: p.addressLine,
        experiences: `Expérience chez ${p.lastName}`,
        origin: "NUMERO_VERT",
        lastContactAt: monthsAgo(months),
        interactions: { create: [{ platformId: platform.id, kind: "APPEL", at: monthsAgo(months), summary: `Appel de ${p.firstName} ${p.lastName}` }] },
        proposals: {
          create: [{ platformId: platform.id, kind: "JOB", offerId: offer.id, status: "HIRED", proposedAt: monthsAgo(months), statusChangedAt: monthsAgo(months), hiredAt: monthsAgo(months), refusalComment: `note sur ${p.lastName}` }],
        },
        events: { create: [{ eventId: event.id, young: i % 2 === 0, outcome: `${p.firstName} retenu` }] },
        rights: { create: [{ platformId: platform.id, kind: "ACCESS", requesterName: `${p.firstName} ${p.lastName}`, details: p.email, receivedAt: monthsAgo(months), dueAt: monthsAgo(months) }] },
      },
    });
    p.id = js.id;
    people.push(p);
  }
  // Company contacts: 47 and 49 months since the company's last contact; one recently seen herself.
  const oldCompany = await createCompany(db, platform.id);
  await db.company.update({ where: { id: oldCompany.id }, data: { lastContactAt: monthsAgo(49) } });
  const recentCompany = await createCompany(db, platform.id);
  await db.company.update({ where: { id: recentCompany.id }, data: { lastContactAt: monthsAgo(47) } });
  const contactOf = (companyId: string, name: string, last: Date | null) =>
    db.companyContact.create({ data: { platformId: platform.id, companyId, lastName: name, proEmail: `${name.toLowerCase()}@entreprise.fr`, lastContactAt: last, createdAt: monthsAgo(55) } });
  const goneContact = await contactOf(oldCompany.id, "Contactdetruitw", null);
  const keptByOwnContact = await contactOf(oldCompany.id, "Contactgardev", monthsAgo(2));
  const keptByCompany = await contactOf(recentCompany.id, "Contactgardeu", null);
  // Chefs de file (company heads: the company contacts' 48 months): own last contact 47 / 49 months
  // ago; at 49 months one still took part in an event 10 months ago, another's company was called 2 months ago.
  const recentlyCalled = await createCompany(db, platform.id);
  await db.company.update({ where: { id: recentlyCalled.id }, data: { lastContactAt: monthsAgo(2) } });
  const recentEvent = await db.circuitCourtEvent.create({ data: { platformId: platform.id, title: "Forum emploi", date: monthsAgo(10), place: "Liévin" } });
  const chef = (name: string, months: number, extra: { companyId?: string; eventId?: string } = {}) =>
    db.chefDeFile.create({
      data: {
        platformId: platform.id, lastName: name, firstName: `${name}Prenom`, proEmail: `${name.toLowerCase()}@chef.fr`, proPhone: "0321000000", sector: "Logistique",
        commitments: `Engagements de ${name}`, lastContactAt: monthsAgo(months), createdAt: monthsAgo(60), companyId: extra.companyId,
        events: extra.eventId ? { create: [{ eventId: extra.eventId, attendance: "PRESENT" }] } : undefined,
      },
    });
  const goneChef = await chef("Chefdetruitk", 49);
  const keptChef47 = await chef("Chefgardej", 47);
  const keptChefByEvent = await chef("Chefgardei", 49, { eventId: recentEvent.id });
  const keptChefByCompany = await chef("Chefgardeh", 49, { companyId: recentlyCalled.id });
  const snapshot = await db.monthlySnapshot.create({
    data: { platformId: platform.id, month: new Date("2024-01-01"), snapshotVersion: 1, definitionsVersion: "1", figures: { hires: 7, jobSeekersReceived: 10, under26: 5 } },
  });
  return { platform, people, goneContact, keptByOwnContact, keptByCompany, snapshot, chefs: { goneChef, kept: [keptChef47, keptChefByEvent, keptChefByCompany] } };
}

const findAnywhere = (...needles: string[]) => findIn(db, needles);

beforeEach(resetDb);

describe("retention run", () => {
  it("does what its dry run announced, once, and leaves nothing of destroyed people", { timeout: 120_000 }, async () => {
    const { people, goneContact, keptByOwnContact, keptByCompany, snapshot, platform, chefs } = await seedDataset();
    const hiresBefore = await db.proposal.count({ where: { platformId: platform.id, hiredAt: { not: null } } });

    const dry = await runRetention(db, { dryRun: true, now: NOW, batchSize: 3 });
    expect(dry.counts).toEqual({ ...NO_ACTION, "jobSeeker.archive": 3, "jobSeeker.destroy": 4, "companyContact.destroy": 1, "chefDeFile.destroy": 1, "franceTravail.destroy": 0 });
    expect(dry.items.filter((i) => i.action === "chefDeFile.destroy").map((i) => i.id)).toEqual([chefs.goneChef.id]);
    expect(await db.jobSeeker.count({ where: { lifecycle: { not: "ACTIVE" } } })).toBe(0);
    const byMonths = (ms: number[]) => people.filter((p) => ms.includes(p.months)).map((p) => p.id).sort();
    expect(dry.items.filter((i) => i.action === "jobSeeker.archive").map((i) => i.id).sort()).toEqual(byMonths([18, 20, 23]));
    expect(dry.items.filter((i) => i.action === "jobSeeker.destroy").map((i) => i.id).sort()).toEqual(byMonths([24, 30, 42, 60]));
    expect(dry.items.filter((i) => i.action === "companyContact.destroy").map((i) => i.id)).toEqual([goneContact.id]);

    const real = await runRetention(db, { dryRun: false, now: NOW, batchSize: 3, triggeredBy: "test" });
    expect(real.status).toBe("SUCCEEDED");
    expect(real.counts).toEqual(dry.counts);

    const again = await runRetention(db, { dryRun: false, now: NOW, batchSize: 3 });
    expect(again.counts).toEqual({ ...NO_ACTION, "jobSeeker.archive": 0, "jobSeeker.destroy": 0, "companyContact.destroy": 0, "chefDeFile.destroy": 0, "franceTravail.destroy": 0 });

    const destroyedTraces: string[] = [];
    for (const p of people) {
      const row = await db.jobSeeker.findUniqueOrThrow({ where: { id: p.id } });
      const expected = p.months >= 24 ? "DESTROYED" : p.months >= 18 ? "ARCHIVED" : "ACTIVE";
      expect(row.lifecycle, `${p.months} mois`).toBe(expected);
      if (expected !== "DESTROYED") {
        expect(row.lastName).toBe(p.lastName);
        continue;
      }
      expect(row.birthDate).toBeNull();
      destroyedTraces.push(p.lastName, p.firstName, p.email, p.phone, p.franceTravailId, p.birthDate, p.addressLine);
    }
    expect(destroyedTraces).toHaveLength(4 * 7);
    expect(await findAnywhere(...destroyedTraces)).toEqual([]);
    // The search itself finds what is still there (so an empty answer above means something).
    expect(await findAnywhere(people.find((p) => p.months === 20)!.email)).toEqual(["JobSeeker.email", "RightsRequest.details"]);
    expect((await db.companyContact.findUniqueOrThrow({ where: { id: goneContact.id } })).lifecycle).toBe("DESTROYED");
    expect(await findAnywhere("Contactdetruitw")).toEqual([]);
    expect((await db.companyContact.findUniqueOrThrow({ where: { id: keptByOwnContact.id } })).lastName).toBe("Contactgardev");
    expect((await db.companyContact.findUniqueOrThrow({ where: { id: keptByCompany.id } })).lastName).toBe("Contactgardeu");
    const goneChef = await db.chefDeFile.findUniqueOrThrow({ where: { id: chefs.goneChef.id }, include: { _count: { select: { events: true } } } });
    expect([goneChef.lifecycle, goneChef.sector, goneChef.active]).toEqual(["DESTROYED", "Logistique", false]);
    expect(await findAnywhere("Chefdetruitk")).toEqual([]);
    for (const kept of chefs.kept) expect((await db.chefDeFile.findUniqueOrThrow({ where: { id: kept.id } })).lastName).toBe(kept.lastName);

    // What closed months rely on is still there, anonymous; the frozen figures themselves are untouched.
    expect(await db.proposal.count({ where: { platformId: platform.id, hiredAt: { not: null } } })).toBe(hiresBefore);
    expect(await db.eventJobSeekerParticipation.count({ where: { young: true } })).toBe(5);
    expect(await db.monthlySnapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).toEqual(snapshot);

    const runs = await db.purgeRun.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => [r.dryRun, r.status])).toEqual([
      [true, "SUCCEEDED"],
      [false, "SUCCEEDED"],
      [false, "SUCCEEDED"],
    ]);
    expect(await db.auditEvent.count({ where: { action: { startsWith: "retention.jobSeeker." } } })).toBe(7);
  });

  it("leaves no identifying value of a destroyed person or company contact in any column of any table (issue 15 §1)", { timeout: 120_000 }, async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db);
    const seeded = await seedPersonEverywhere(db, platform.id, monthsAgo(30));
    // Last contacts as retention must see them: the person 30 months ago, the contact and her company 49.
    await db.jobSeeker.update({ where: { id: seeded.jobSeekerId }, data: { lastContactAt: monthsAgo(30) } });
    await db.company.update({ where: { id: seeded.companyId }, data: { lastContactAt: monthsAgo(49) } });
    await db.companyContact.update({ where: { id: seeded.contactId }, data: { lastContactAt: null, createdAt: monthsAgo(55) } });
    // The fixture did fill every place, and the scan sees each of them.
    expect(await findAnywhere(...personMarkers())).toEqual(PERSON_PLACES);
    expect(await findAnywhere(...contactMarkers())).toEqual(CONTACT_PLACES);

    const run = await runRetention(db, { dryRun: false, now: NOW });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.counts["jobSeeker.destroy"]).toBe(1);
    expect(run.counts["companyContact.destroy"]).toBe(1);
    expect(await explainTraces(db, personMarkers())).toEqual([]);
    expect(await explainTraces(db, contactMarkers())).toEqual([]);
  });

  it("two runs started at the same time do the work once (issue 9)", { timeout: 120_000 }, async () => {
    await seedDataset();
    const dry = await runRetention(db, { dryRun: true, now: NOW, batchSize: 3 });
    // Both runs have planned and opened the transaction of their first record (the same one) before
    // either applies it (a barrier, not timing): each record's own check must keep the work single.
    const barrier = transactionBarrier(db, 2);
    const [a, b] = await Promise.all([
      runRetention(barrier.client, { dryRun: false, now: NOW, batchSize: 3, triggeredBy: "a" }),
      runRetention(barrier.client, { dryRun: false, now: NOW, batchSize: 3, triggeredBy: "b" }),
    ]);
    expect(barrier.arrived()).toBe(2);
    for (const action of Object.keys(dry.counts) as (keyof typeof dry.counts)[]) {
      expect(a.counts[action] + b.counts[action], action).toBe(dry.counts[action]);
    }
    for (const action of Object.keys(dry.counts)) {
      expect(await db.auditEvent.count({ where: { action: `retention.${action}` } }), action).toBe(dry.counts[action as keyof typeof dry.counts]);
    }
    expect(await db.jobSeeker.count({ where: { lifecycle: "DESTROYED" } })).toBe(dry.counts["jobSeeker.destroy"]);
  });

  it("finishes on restart what a run killed halfway had left", async () => {
    await seedDataset();
    const dry = await runRetention(db, { dryRun: true, now: NOW, batchSize: 2 });
    const killed = runRetention(db, {
      dryRun: false,
      now: NOW,
      batchSize: 2,
      afterRecord: (_item, index) => {
        if (index === 3) throw new Error("SIGKILL simulé");
      },
    });
    await expect(killed).rejects.toThrow("SIGKILL simulé");
    const done = await db.jobSeeker.count({ where: { lifecycle: { not: "ACTIVE" } } });
    expect(done).toBe(4);

    const resumed = await runRetention(db, { dryRun: false, now: NOW, batchSize: 2 });
    const total = Object.values(resumed.counts).reduce((a, b) => a + b, 0) + 4;
    expect(total).toBe(Object.values(dry.counts).reduce((a, b) => a + b, 0));
    expect(await db.jobSeeker.count({ where: { lifecycle: "ARCHIVED" } })).toBe(3);
    expect(await db.jobSeeker.count({ where: { lifecycle: "DESTROYED" } })).toBe(4);
    const statuses = (await db.purgeRun.findMany({ where: { dryRun: false }, orderBy: { startedAt: "asc" } })).map((r) => r.status);
    expect(statuses).toEqual(["FAILED", "SUCCEEDED"]);
  });

  it("marks a run killed midway abandoned once its lease ran out, links the retry to it, and shows the true totals (issue 16 §12)", async () => {
    await seedDataset();
    const dry = await runRetention(db, { dryRun: true, now: NOW, batchSize: 2 });
    const sum = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
    const ruleSet = await db.ruleSet.findFirstOrThrow({ where: { kind: "RETENTION" }, orderBy: { version: "desc" } });
    const leaseMs = parseRuleSetPayload("RETENTION", ruleSet.payload).runLeaseMinutes * 60_000;

    // A killed process runs no catch and no finally: the run stops dead after its fourth record
    // (a promise that never settles) and its row is left RUNNING.
    let reached!: () => void;
    const stopped = new Promise<void>((resolve) => (reached = resolve));
    void runRetention(db, {
      dryRun: false,
      now: NOW,
      batchSize: 2,
      afterRecord: (_item, index) => (index === 3 ? (reached(), new Promise<void>(() => {})) : undefined),
    });
    await stopped;
    const dead = await db.purgeRun.findFirstOrThrow({ where: { dryRun: false } });
    expect(dead.status).toBe("RUNNING");
    expect(dead.leaseExpiresAt!.getTime() - dead.heartbeatAt!.getTime()).toBe(leaseMs);
    expect(await db.jobSeeker.count({ where: { lifecycle: { not: "ACTIVE" } } })).toBe(4);

    // While its lease runs, it is alive: a run starting then leaves it alone.
    expect(await takeOverAbandonedRuns(db, { id: randomUUID(), dryRun: false }, new Date(dead.leaseExpiresAt!.getTime() - 1000), leaseMs)).toEqual([]);
    // A simulation started after the lease ran out does not take it: the real retry must.
    const simulation = await runRetention(db, { dryRun: true, now: NOW, clock: () => new Date(dead.leaseExpiresAt!.getTime() + 500) });
    expect(simulation.abandoned).toEqual([]);
    expect((await db.purgeRun.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("RUNNING");

    // Once it has run out, the next real run marks it abandoned, takes it over and does the rest.
    const retry = await runRetention(db, { dryRun: false, now: NOW, batchSize: 2, clock: () => new Date(dead.leaseExpiresAt!.getTime() + 1000) });
    expect(retry.status).toBe("SUCCEEDED");
    expect(retry.abandoned).toEqual([dead.id]);
    const after = await db.purgeRun.findUniqueOrThrow({ where: { id: dead.id } });
    expect(after.status).toBe("ABANDONED");
    expect(after.resumedById).toBe(retry.runId);
    expect(after.finishedAt).toEqual(dead.heartbeatAt);
    // Its counts are what it really did (from the audit trail), not the zeros it was left with.
    const deadCounts = after.counts as Record<string, number>;
    expect(deadCounts["jobSeeker.archive"]! + deadCounts["jobSeeker.destroy"]!).toBe(4);
    expect(sum(retry.counts) + 4).toBe(sum(dry.counts));
    expect(await db.jobSeeker.count({ where: { lifecycle: "ARCHIVED" } })).toBe(3);
    expect(await db.jobSeeker.count({ where: { lifecycle: "DESTROYED" } })).toBe(4);

    // The DPO reads the night's real totals on the retry, and each side links to the other.
    const dpo = (await loadPrincipal(db, (await createUser(db, { role: "DPO", allPlatforms: true })).id))!;
    const report = await findPurgeRun(db, dpo, retry.runId);
    expect(report.resumes.map((r) => r.id)).toEqual([dead.id]);
    expect(report.totalCounts).toEqual(dry.counts);
    expect(report.counts).not.toEqual(dry.counts);
    const list = await listPurgeRuns(db, dpo, { page: 1, pageSize: 10, dryRun: "false" });
    const abandonedRow = list.items.find((r) => r.id === dead.id)!;
    expect(abandonedRow.status).toBe("ABANDONED");
    expect(abandonedRow.resumedBy?.id).toBe(retry.runId);
    expect(abandonedRow.errors.at(-1)!.message).toMatch(/^interrompu : plus de signe de vie depuis le /);
  });

  it("goes on with the other records when one fails, and records the failure", async () => {
    const { people } = await seedDataset();
    const victim = people.find((p) => p.months === 30)!;
    // A real database error on one row: a trigger refuses to touch it.
    await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION test_refuse_one() RETURNS trigger AS $$
      BEGIN IF OLD.id = '${victim.id}' THEN RAISE EXCEPTION 'refus de test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_refuse_one BEFORE UPDATE ON "JobSeeker" FOR EACH ROW EXECUTE FUNCTION test_refuse_one()`);
    try {
      const run = await runRetention(db, { dryRun: false, now: NOW, batchSize: 4 });
      expect(run.status).toBe("PARTIAL");
      expect(run.errors).toEqual([expect.objectContaining({ entityType: "JobSeeker", id: victim.id })]);
      expect(run.counts["jobSeeker.destroy"]).toBe(3);
      expect(run.counts["jobSeeker.archive"]).toBe(3);
      // The failed record's transaction rolled back as a whole: nothing half-erased.
      const row = await db.jobSeeker.findUniqueOrThrow({ where: { id: victim.id }, include: { interactions: true } });
      expect(row.lastName).toBe(victim.lastName);
      expect(row.interactions[0]!.summary).toContain(victim.lastName);
      const stored = await db.purgeRun.findUniqueOrThrow({ where: { id: run.runId } });
      expect(stored.status).toBe("PARTIAL");
      expect(JSON.stringify(stored.errors)).not.toContain(victim.lastName);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_refuse_one ON "JobSeeker"`);
      await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_refuse_one()`);
    }
  });
});
