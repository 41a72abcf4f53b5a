import { describe, expect, it } from "vitest";
import { buildDemoRows } from "@/prisma/seed/demo";
import { FRANCE_TRAVAIL_V1, OPERATIONS_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";
import { isValidSiret } from "@/lib/rules/siret.rules";

const rules = {
  operations: OPERATIONS_V1,
  region: { id: "region", rules: REGION_FRAMEWORK_V1 },
  franceTravail: { id: "ft", rules: FRANCE_TRAVAIL_V1 },
};
const now = new Date("2026-03-15T10:00:00Z");
const rows = buildDemoRows(now, [], rules);
const time = (d: unknown) => (d as Date).getTime();

describe("données de démonstration", () => {
  it("sont déterministes pour un même `now`", () => {
    const again = buildDemoRows(now, [], rules);
    expect(again.jobSeekers.map((j) => [j.id, j.lastContactAt])).toEqual(rows.jobSeekers.map((j) => [j.id, j.lastContactAt]));
    expect(again.offers.map((o) => [o.id, o.status, o.positionsFilled])).toEqual(rows.offers.map((o) => [o.id, o.status, o.positionsFilled]));
  });

  it("comptent trois plateformes et huit comptes", () => {
    expect(rows.platforms.map((p) => p.slug)).toEqual(["lens-lievin", "amienois", "metropole-lilloise"]);
    expect(rows.users).toHaveLength(8);
  });

  it("ont des SIRET valides et uniques", () => {
    const sirets = rows.companies.map((c) => c.siret);
    expect(sirets.every(isValidSiret)).toBe(true);
    expect(new Set(sirets).size).toBe(sirets.length);
  });

  it("pourvoient les offres d'après les embauches, sans dépasser le nombre de postes", () => {
    for (const o of rows.offers) {
      const hires = rows.proposals.filter((p) => p.offerId === o.id && p.status === "HIRED");
      expect(o.positionsFilled).toBe(hires.length);
      expect(o.positionsFilled).toBeLessThanOrEqual(o.positions ?? 1);
      if (o.status === "FILLED") expect(o.positionsFilled).toBe(o.positions);
      for (const h of hires) expect(h.hiredAt && h.hireContractType).toBeTruthy();
    }
  });

  it("dérivent lastContactAt du dernier contact de chaque demandeur", () => {
    const held = new Map(rows.events.map((e) => [e.id, e]));
    for (const js of rows.jobSeekers) {
      const dates = [
        ...rows.jobSeekerInteractions.filter((i) => i.jobSeekerId === js.id).map((i) => time(i.at)),
        ...rows.proposals.filter((p) => p.jobSeekerId === js.id).map((p) => time(p.statusChangedAt)),
        ...rows.eventJobSeekers
          .filter((p) => p.jobSeekerId === js.id && p.attended && held.get(p.eventId)?.status === "HELD")
          .map((p) => time(held.get(p.eventId)?.date)),
      ];
      expect(time(js.lastContactAt)).toBe(Math.max(...dates));
      expect(time(js.lastContactAt)).toBeLessThanOrEqual(now.getTime());
    }
  });
});

describe("données de démonstration : Ma journée", () => {
  it("prévoient des visites dans la semaine à venir, avec l'équipe de la plateforme, sans toucher au dernier contact", () => {
    const upcoming = rows.visits.filter((v) => time(v.date) > time(now));
    expect(upcoming.length).toBeGreaterThan(0);
    for (const v of upcoming) {
      expect(time(v.date) - time(now)).toBeLessThanOrEqual(7 * 86_400_000);
      expect(rows.visitStaff.some((s) => s.visitId === v.id)).toBe(true);
    }
    for (const c of rows.companies) expect(time(c.lastContactAt)).toBeLessThanOrEqual(time(now));
  });
});
