import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { homeFigures } from "@/lib/home/home.service";
import { myDay } from "@/lib/home/my-day.service";
import { createCompany, createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { createCallbackRow, createFollowUpRow, principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const figure = (figures: { key: string; value: number }[], key: string) => figures.find((f) => f.key === key)?.value;

describe("accueil par rôle : des comptes réels, limités au périmètre", () => {
  it("compte pour une assistante les seules données de sa plateforme", async () => {
    const lens = await createPlatform(db, "Lens");
    const amiens = await createPlatform(db, "Amiens");
    await createCompany(db, lens.id);
    await createCompany(db, lens.id);
    await createCompany(db, amiens.id);
    await createJobSeeker(db, lens.id);
    await createJobSeeker(db, lens.id, { lifecycle: "ARCHIVED" });
    await createJobSeeker(db, amiens.id);
    const u = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
    const figures = await homeFigures(db, (await loadPrincipal(db, u.id))!);
    expect(figure(figures, "companies")).toBe(2);
    expect(figure(figures, "jobSeekers")).toBe(1);
  });

  it("ne montre au référent que les demandeurs qu'il suit", async () => {
    const lens = await createPlatform(db, "Lens");
    const referent = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    await createJobSeeker(db, lens.id, { referentId: referent.id });
    await createJobSeeker(db, lens.id);
    const figures = await homeFigures(db, (await loadPrincipal(db, referent.id))!);
    expect(figure(figures, "followedJobSeekers")).toBe(1);
    expect(figure(figures, "platforms")).toBe(1);
  });

  it("ne donne aux finances aucun chiffre sur les personnes", async () => {
    const lens = await createPlatform(db, "Lens");
    await createJobSeeker(db, lens.id);
    const finance = await createUser(db, { role: "REGION_FINANCE", allPlatforms: true });
    const figures = await homeFigures(db, (await loadPrincipal(db, finance.id))!);
    expect(figures.map((f) => f.key).sort()).toEqual(["ftFiles", "platforms", "regionFiles"]);
  });
});

describe("accueil : les compteurs disent le nombre de lignes des listes qu'ils ouvrent (issue 14 §6)", () => {
  it("rappels et suivis : le compteur = le total de « Ma journée », aux bornes (plus tard aujourd'hui, collègue, dans 3 jours)", async () => {
    const now = new Date("2026-03-10T10:00:00Z");
    const lens = await createPlatform(db, "Lens");
    const c = await createCompany(db, lens.id);
    const me = await principal(db, "PLATFORM_MANAGER", [lens.id]);
    const colleague = await principal(db, "PLATFORM_ASSISTANT", [lens.id]);
    await createCallbackRow(db, lens.id, c.id, { dueAt: new Date("2026-03-08T09:00:00Z") }); // late
    await createCallbackRow(db, lens.id, c.id, { dueAt: new Date("2026-03-10T15:00:00Z") }); // later today: in the list
    await createCallbackRow(db, lens.id, c.id, { dueAt: new Date("2026-03-12T09:00:00Z") }); // not yet due
    await createFollowUpRow(db, lens.id, c.id, new Date("2026-03-05T09:00:00Z"), { assignedToId: me.id }); // late, mine
    await createFollowUpRow(db, lens.id, c.id, new Date("2026-03-06T09:00:00Z"), { assignedToId: colleague.id }); // a colleague's
    await createFollowUpRow(db, lens.id, c.id, new Date("2026-03-13T09:00:00Z")); // in 3 days, nobody's
    const [figures, day] = await Promise.all([homeFigures(db, me, now), myDay(db, me, now)]);
    expect(day.callbacks.total).toBe(2);
    expect(figure(figures, "callbacksDue")).toBe(day.callbacks.total);
    expect(day.followUps.total).toBe(2);
    expect(figure(figures, "followUpsDue")).toBe(day.followUps.total);
    // Each counter opens the list it counts.
    expect(figures.find((f) => f.key === "callbacksDue")?.href).toBe("#day-callbacks");
    expect(figures.find((f) => f.key === "followUpsDue")?.href).toBe("#day-followups");
  });
});

describe("accueil : « ce mois-ci » est le mois de Paris", () => {
  it("le 30 novembre à 23 h 30 UTC (1er décembre à Paris), les embauches de novembre ne comptent plus, celle de 0 h 15 à Paris oui", async () => {
    const lens = await createPlatform(db, "Lens");
    const me = await principal(db, "PLATFORM_MANAGER", [lens.id]);
    const seeker = await createJobSeeker(db, lens.id);
    const hire = (hiredAt: string) => db.proposal.create({
      data: { platformId: lens.id, jobSeekerId: seeker.id, kind: "JOB", label: "Cariste", status: "HIRED", proposedAt: new Date("2026-11-02T09:00:00Z"), statusChangedAt: new Date(hiredAt), hiredAt: new Date(hiredAt) },
    });
    await hire("2026-11-16T10:00:00Z");
    await hire("2026-11-30T23:15:00Z");
    expect(figure(await homeFigures(db, me, new Date("2026-11-30T23:30:00Z")), "hiresThisMonth")).toBe(1);
  });
});
