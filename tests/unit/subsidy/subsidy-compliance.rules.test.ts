import { describe, expect, it, vi } from "vitest";
import { deMinimisCheck, fileDeadlines, isPublishable, recruitmentCarriers, SCDL_COLUMNS, toScdlCsv, toScdlRecord } from "@/lib/subsidy/subsidy-compliance.rules";
import { DEADLINES_V1 } from "@/prisma/seed/rule-sets";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("données essentielles des conventions (SCDL subventions)", () => {
  const base = {
    attributor: { name: "Région Hauts-de-France", siret: "20005376700014" },
    signedAt: day("2026-02-01"),
    deliberationNumber: "CP 2026-01",
    beneficiaryName: "Communauté d'agglomération de Lens-Liévin",
    beneficiarySiret: "24620036400017",
    object: "Plateforme territoriale Proch'Emploi Lens-Liévin, année 2026",
    awardedCents: 10_000_050,
    trancheDueDates: [day("2026-03-03"), null, day("2026-09-01")],
  };

  it("remplit les seize champs du schéma SCDL 2.1.1, dans son ordre et avec ses types", () => {
    const r = toScdlRecord(base);
    expect(Object.keys(r)).toEqual([...SCDL_COLUMNS]);
    expect(r).toEqual({
      nomAttribuant: "Région Hauts-de-France", idAttribuant: "20005376700014", dateConvention: "2026-02-01", referenceDecision: "CP 2026-01",
      nomBeneficiaire: "Communauté d'agglomération de Lens-Liévin", idBeneficiaire: "24620036400017", rnaBeneficiaire: null,
      objet: "Plateforme territoriale Proch'Emploi Lens-Liévin, année 2026", montant: 100000.5, nature: "aide en numéraire", conditionsVersement: "échelonné",
      // A period is « début/fin » (ISO 8601); a single beneficiary receives 100 % of the subsidy.
      datesPeriodeVersement: "2026-03-03/2026-09-01", idRAE: null, notificationUE: false, pourcentageSubvention: 1, dispositifAide: null,
    });
    const [, row] = toScdlCsv([r]).trimEnd().split("\r\n");
    expect(row).toBe(`Région Hauts-de-France,20005376700014,2026-02-01,CP 2026-01,Communauté d'agglomération de Lens-Liévin,24620036400017,,"Plateforme territoriale Proch'Emploi Lens-Liévin, année 2026",100000.50,aide en numéraire,échelonné,2026-03-03/2026-09-01,,non,1,`);
  });

  it("versement unique à la date de signature quand aucune échéance n'est datée", () => {
    const r = toScdlRecord({ ...base, trancheDueDates: [null] });
    expect(r).toMatchObject({ conditionsVersement: "unique", datesPeriodeVersement: "2026-02-01" });
  });

  it("ne publie que les conventions strictement au-dessus du seuil", () => {
    expect(isPublishable(2_300_000, 2_300_000)).toBe(false);
    expect(isPublishable(2_300_001, 2_300_000)).toBe(true);
    expect(isPublishable(null, 0)).toBe(false);
  });

  it("échappe les champs contenant une virgule ou un guillemet dans le CSV", () => {
    const csv = toScdlCsv([toScdlRecord({ ...base, beneficiaryName: 'Asso "Emploi", Lens' })]);
    const [header, row] = csv.trimEnd().split("\r\n");
    expect(header).toBe(SCDL_COLUMNS.join(","));
    expect(row).toContain('"Asso ""Emploi"", Lens"');
  });
});

describe("de minimis", () => {
  const rule = { ceilingCents: 30_000_000, years: 3 };
  const now = day("2026-06-30");

  it("additionne les aides des trois dernières années et la nouvelle attribution", () => {
    const aids = [
      { amountCents: 10_000_000, grantedAt: day("2024-01-15") },
      { amountCents: 10_000_000, grantedAt: day("2025-01-15") },
      { amountCents: 99_000_000, grantedAt: day("2023-06-30") }, // exactly three years ago: outside the window
    ];
    const ok = deMinimisCheck(rule, aids, 10_000_000, now);
    expect(ok).toMatchObject({ previousCents: 20_000_000, totalCents: 30_000_000, exceeded: false });
    const over = deMinimisCheck(rule, aids, 10_000_001, now);
    expect(over.exceeded).toBe(true);
    expect(over.message).toMatch(/PLAFOND DÉPASSÉ/);
  });
});

describe("échéances d'un dossier", () => {
  const file = {
    fiscalYearEnd: day("2025-12-31"),
    financialReportReceivedAt: null,
    cadre: { notificationDate: day("2026-01-10"), teamRecruitedAt: day("2026-03-01") },
    tranches: [
      { rank: 1, label: "Avance", dueAt: day("2026-02-09"), status: "PAID" },
      { rank: 2, label: "Intermédiaire", dueAt: day("2026-07-10"), status: "PLANNED" },
      { rank: 3, label: "Solde", dueAt: null, status: "PLANNED" },
    ],
  };

  it("compte rendu financier 6 mois après la clôture, recrutement 6 mois après la notification, tranches datées", () => {
    const d = fileDeadlines(file, DEADLINES_V1, day("2026-07-01"));
    expect(d.map((x) => [x.kind, x.dueAt.toISOString().slice(0, 10), x.state])).toEqual([
      ["FINANCIAL_REPORT", "2026-06-30", "LATE"],
      ["TEAM_RECRUITMENT", "2026-07-10", "DONE"],
      ["TRANCHE", "2026-02-09", "DONE"],
      ["TRANCHE", "2026-07-10", "SOON"],
    ]);
    expect(d[0]!.daysLeft).toBe(-1);
    expect(d[0]!.consequence).toMatch(/Mise en demeure/);
  });

  it("à échéance le jour même : pas encore en retard", () => {
    expect(fileDeadlines(file, DEADLINES_V1, day("2026-06-30"))[0]!.state).toBe("SOON");
  });

  it("le jour est celui de Paris, pas celui du serveur (UTC) : le 30 juin à 22 h 30 UTC, c'est déjà le 1er juillet, le compte rendu est en retard", () => {
    vi.stubEnv("TZ", "UTC");
    try {
      const d = fileDeadlines(file, DEADLINES_V1, new Date("2026-06-30T22:30:00Z"))[0]!;
      expect([d.kind, d.state, d.daysLeft]).toEqual(["FINANCIAL_REPORT", "LATE", -1]);
      expect(fileDeadlines(file, DEADLINES_V1, new Date("2026-06-30T21:30:00Z"))[0]!.state).toBe("SOON");
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("convention cadre Région art. 11 — recrutement de l'équipe « sous peine de caducité »", () => {
  const f = (id: string, platformId: string, funder: string, year: number, extra: Partial<{ status: string; teamRecruitedAt: Date | null; platformNotificationDate: Date | null }> = {}) => ({
    id, platformId, funder, year, status: "SIGNED", teamRecruitedAt: null, platformNotificationDate: day("2025-02-15"), ...extra,
  });

  it("une seule échéance par convention cadre, comptée depuis sa notification, portée par le premier dossier Région ouvert", () => {
    const m = recruitmentCarriers([f("r2026", "p1", "REGION", 2026), f("r2025", "p1", "REGION", 2025), f("ft2025", "p1", "FRANCE_TRAVAIL", 2025)]);
    expect([...m.keys()]).toEqual(["r2025"]);
    expect(m.get("r2025")).toEqual({ notificationDate: day("2025-02-15"), teamRecruitedAt: null });
    const d = fileDeadlines({ fiscalYearEnd: null, financialReportReceivedAt: null, tranches: [], cadre: m.get("r2025") }, DEADLINES_V1, day("2025-09-01"));
    expect(d.map((x) => [x.kind, x.dueAt.toISOString().slice(0, 10), x.state])).toEqual([["TEAM_RECRUITMENT", "2025-08-15", "LATE"]]);
  });

  it("jamais sur un dossier France Travail ; sans date de notification, pas d'échéance ; un recrutement noté sur un autre dossier Région la remplit", () => {
    expect(recruitmentCarriers([f("ft", "p1", "FRANCE_TRAVAIL", 2025)]).size).toBe(0);
    expect(recruitmentCarriers([f("r", "p1", "REGION", 2025, { platformNotificationDate: null })]).size).toBe(0);
    const m = recruitmentCarriers([f("r2025", "p1", "REGION", 2025), f("r2026", "p1", "REGION", 2026, { teamRecruitedAt: day("2025-06-01") })]);
    expect(m.get("r2025")?.teamRecruitedAt).toEqual(day("2025-06-01"));
  });
});
