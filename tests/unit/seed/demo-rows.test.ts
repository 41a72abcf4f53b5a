import { describe, expect, it } from "vitest";
import { buildDemoRows } from "@/prisma/seed/demo";
import { DEADLINES_V1, FRANCE_TRAVAIL_V1, OPERATIONS_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";
import { documentDeadlines, lateDocuments } from "@/lib/home/region-home.rules";
import { isValidSiret } from "@/lib/rules/siret.rules";
import { OBJECTIVE_KEYS } from "@/lib/objectives/objective.rules";
import { DEMO_CONVENTION_TARGETS_PER_ETP } from "@/prisma/seed/subsidies";
import { annualRequestChecklist } from "@/lib/subsidy/annual-request.rules";

const rules = {
  operations: OPERATIONS_V1,
  region: { id: "region", rules: REGION_FRAMEWORK_V1 },
  franceTravail: { id: "ft", rules: FRANCE_TRAVAIL_V1 },
  deadlines: DEADLINES_V1,
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

describe("données de démonstration : demandes en ligne (issue 23)", () => {
  it("laissent à Lens-Liévin une demande d'entreprise et une de personne, en attente, envoyées la veille", () => {
    const lens = rows.platforms.find((p) => p.slug === "lens-lievin")!;
    const waiting = rows.intakeRequests.filter((r) => r.platformId === lens.id && (r.status ?? "A_TRAITER") === "A_TRAITER");
    expect(waiting.map((r) => r.kind).sort()).toEqual(["ENTREPRISE", "PERSONNE"]);
    for (const r of waiting) {
      expect(time(r.submittedAt)).toBeLessThan(time(now));
      expect(time(now) - time(r.submittedAt)).toBeLessThanOrEqual(2 * 86_400_000);
      expect((lens.perimeterInseeCodes as string[]).includes(r.communeInsee)).toBe(true);
    }
    // The company request is queued as a « formulaire en ligne » callback of a company with a valid SIRET.
    const company = waiting.find((r) => r.kind === "ENTREPRISE")!;
    const callback = rows.callbacks.find((c) => c.id === company.callbackId)!;
    expect([callback.origin, callback.status, callback.companyId]).toEqual(["FORMULAIRE_EN_LIGNE", "A_RAPPELER", company.companyId]);
    expect(isValidSiret(rows.companies.find((c) => c.id === company.companyId)!.siret as string)).toBe(true);
    // Deterministic, like the rest of the demo.
    expect(buildDemoRows(now, [], rules).intakeRequests.map((r) => r.id)).toEqual(rows.intakeRequests.map((r) => r.id));
  });
});

describe("données de démonstration : indicateurs des conventions Région (issue 22 §4)", () => {
  it("donnent à chaque convention Région ses indicateurs du catalogue et leurs cibles, sans tirage", () => {
    const files = rows.subsidyFiles.filter((f) => f.funder === "REGION");
    expect(files).toHaveLength(4);
    for (const f of files) {
      const chosen = rows.conventionIndicators.filter((c) => c.subsidyFileId === f.id);
      expect(chosen.map((c) => c.indicatorKey)).toEqual(DEMO_CONVENTION_TARGETS_PER_ETP.map(([k]) => k));
      expect(chosen.every((c) => OBJECTIVE_KEYS.has(c.indicatorKey) && Number.isInteger(c.target) && c.target > 0)).toBe(true);
      // Ids derived from the file's: the rest of the demo keeps its draws.
      expect(chosen.every((c) => c.id!.startsWith(f.id!.slice(0, -12)))).toBe(true);
    }
    expect(new Set(rows.conventionIndicators.map((c) => c.id)).size).toBe(rows.conventionIndicators.length);
    expect(buildDemoRows(now, [], rules).conventionIndicators).toEqual(rows.conventionIndicators);
  });
});

describe("données de démonstration : demandes annuelles Région (issue 22 §4)", () => {
  it("chaque dossier Région déposé porte les éléments de l'art. 5 ; la convention signée a son bilan d'activité reçu", () => {
    const region = rows.subsidyFiles.filter((f) => f.funder === "REGION");
    expect(region.length).toBe(4);
    for (const f of region) {
      if (f.status === "DRAFT") continue;
      const items = annualRequestChecklist({
        year: f.year, description: f.requestDescription ?? null, actionProgramme: f.requestActionProgramme ?? null,
        requestedCents: Number(f.requestedCents), territoryCofundingCents: Number(f.territoryCofundingCents),
        lines: rows.budgetLines.filter((l) => l.subsidyFileId === f.id).map((l) => ({ forecastCents: Number(l.forecastCents) })),
        previousBilan: {
          annualReportWritten: rows.annualReports.some((r) => r.platformId === f.platformId && r.year === f.year - 1 && (r.qualitative ?? "").length > 0),
          documents: 0,
        },
      });
      expect(items.filter((i) => !i.met).map((i) => i.element), `${f.status} ${f.platformId}`).toEqual([]);
      // Cadre d'intervention §5: the signed convention's payment waits for the activity bilan — received in the demo.
      if (f.status === "SIGNED") expect(time(f.activityBilanReceivedAt)).toBeLessThanOrEqual(time(now));
    }
    expect(region.some((f) => f.status === "SIGNED")).toBe(true);
  });
});

describe("données de démonstration : documents en retard (issue 17)", () => {
  const regionFiles = (r: typeof rows) => r.subsidyFiles.filter((f) => f.funder === "REGION" && ["AWARDED", "SIGNED", "CLOSED", "TERMINATING"].includes(f.status ?? ""))
    .map((f) => ({ platformId: f.platformId, year: f.year, fiscalYearEnd: (f.fiscalYearEnd as Date | null) ?? null, financialReportReceivedAt: (f.financialReportReceivedAt as Date | null) ?? null }));

  it("laissent à la Métropole lilloise un compte rendu financier en retard, quel que soit le jour du chargement", () => {
    const lille = rows.platforms.find((p) => p.slug === "metropole-lilloise")!;
    for (const day of ["2026-01-02T08:00:00Z", "2026-03-15T10:00:00Z", "2026-07-05T10:00:00Z", "2026-12-31T22:00:00Z"]) {
      const when = new Date(day);
      const r = day === "2026-03-15T10:00:00Z" ? rows : buildDemoRows(when, [], rules);
      const late = lateDocuments(documentDeadlines(regionFiles(r), DEADLINES_V1, when));
      expect(late.map((d) => d.platformId), day).toEqual([r.platforms.find((p) => p.slug === "metropole-lilloise")!.id]);
      expect(-late[0]!.daysLeft, day).toBeGreaterThanOrEqual(7);
    }
    expect(lille).toBeTruthy();
  });
});
