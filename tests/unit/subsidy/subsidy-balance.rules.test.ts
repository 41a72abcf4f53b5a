import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildTrancheSchedule, computeFinalBalance, gapsNeedingExplanation, paymentRefusal } from "@/lib/subsidy/subsidy-balance.rules";
import { applyRate, computeFranceTravailContribution, computeRegionGrant, type LineInput } from "@/lib/subsidy/subsidy.rules";
import { nextStatus, TRANSITIONS, SUBSIDY_STATUSES, availableTransitions } from "@/lib/subsidy/subsidy-workflow.rules";
import { FRANCE_TRAVAIL_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";

const SMALL = { population: 150_000, companyCount: 8_000 };
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("échéancier des tranches", () => {
  it("France Travail : 50 / 20 / 30 avec leurs délais et le reste d'arrondi sur la dernière", () => {
    const t = buildTrancheSchedule(FRANCE_TRAVAIL_V1.tranches, 1_000_001, { signedAt: day("2026-03-10") });
    expect(t.map((x) => x.amountCents)).toEqual([500_000, 200_000, 300_001]);
    expect(t.map((x) => x.dueAt?.toISOString().slice(0, 10) ?? null)).toEqual(["2026-04-09", "2026-09-10", null]);
    expect(t[0]!.condition).toBe("attestation de démarrage");
  });

  it("date la dernière tranche 30 jours après la réunion de bilan final quand elle est connue", () => {
    const t = buildTrancheSchedule(FRANCE_TRAVAIL_V1.tranches, 100, { signedAt: day("2026-03-10"), finalReviewMeetingAt: day("2027-03-01") });
    expect(t[2]!.dueAt?.toISOString().slice(0, 10)).toBe("2027-03-31");
  });
});

describe("plafond des versements", () => {
  it("refuse un versement qui dépasserait l'attribution, avec le reste disponible", () => {
    expect(paymentRefusal({ awardedCents: 1_000_000, paidCents: 600_000, amountCents: 400_000 })).toBeNull();
    expect(paymentRefusal({ awardedCents: 1_000_000, paidCents: 600_000, amountCents: 400_001 })).toMatch(/reste 4\s000,00\s€/);
    expect(paymentRefusal({ awardedCents: null, paidCents: 0, amountCents: 1 })).toMatch(/Aucun montant/);
    expect(paymentRefusal({ awardedCents: 10, paidCents: 0, amountCents: 0 })).toMatch(/positif/);
  });
});

describe("solde final", () => {
  const region = { funder: "REGION" as const, rules: REGION_FRAMEWORK_V1 };
  const ft = { funder: "FRANCE_TRAVAIL" as const, rules: FRANCE_TRAVAIL_V1 };
  const line = (forecast: number, actual: number, category = "SALAIRES"): LineInput => ({ category, eligible: true, forecastCents: forecast, actualCents: actual });

  it("Région : dépenses réalisées plus faibles → montant revu à la baisse et reversement", () => {
    const b = computeFinalBalance(region, { awardedCents: 8_000_000, paidCents: 8_000_000, staffEtp: 2, platform: SMALL, lines: [line(10_000_000, 9_000_000)] });
    expect(b).toMatchObject({ finalCents: 7_200_000, balanceCents: -800_000, outcome: "REFUND" });
    expect(b.steps.at(-1)!.text).toMatch(/ordre de reversement/);
  });

  it("Région : dépenses réalisées plus fortes → jamais au-delà de l'attribution", () => {
    const b = computeFinalBalance(region, { awardedCents: 8_000_000, paidCents: 4_000_000, staffEtp: 2, platform: SMALL, lines: [line(10_000_000, 11_000_000)] });
    expect(b).toMatchObject({ finalCents: 8_000_000, balanceCents: 4_000_000, outcome: "LAST_PAYMENT" });
  });

  it("France Travail : réalisé < prévu → taux × réalisé ; réalisé ≥ prévu → inchangé", () => {
    const lower = computeFinalBalance(ft, { awardedCents: 3_760_000, paidCents: 2_632_000, staffEtp: 2, platform: SMALL, lines: [line(4_700_000, 3_000_000, "RH_DEDIEES")] });
    expect(lower).toMatchObject({ finalCents: 2_400_000, balanceCents: -232_000, outcome: "REFUND" });
    const higher = computeFinalBalance(ft, { awardedCents: 3_760_000, paidCents: 3_760_000, staffEtp: 2, platform: SMALL, lines: [line(4_700_000, 5_000_000, "RH_DEDIEES")] });
    expect(higher).toMatchObject({ finalCents: 3_760_000, balanceCents: 0, outcome: "NONE" });
  });

  it("exige une explication pour chaque écart au-delà du seuil", () => {
    const lines = [
      { ...line(10_000, 10_500), gapExplanation: null },
      { ...line(10_000, 10_900), gapExplanation: "Hausse du point d'indice" },
      { ...line(10_000, 12_000), gapExplanation: "  " },
      { ...line(10_000, 10_000), gapExplanation: null },
    ];
    expect(gapsNeedingExplanation(lines, 0)).toHaveLength(2);
    expect(gapsNeedingExplanation(lines, 1000).map((l) => l.actualCents)).toEqual([12_000]);
  });
});

describe("propriétés (fast-check)", () => {
  const cents = fc.integer({ min: 0, max: 500_000_000 });
  const lines = fc.array(
    fc.record({ category: fc.constantFrom("SALAIRES", "DEPLACEMENTS", "MOBILIER", "RH_DEDIEES", "INVESTISSEMENT"), eligible: fc.boolean(), forecastCents: cents, actualCents: cents }),
    { maxLength: 8 },
  );
  const file = fc.record({
    staffEtp: fc.double({ min: 0, max: 6, noNaN: true }),
    requestedCents: cents,
    territoryCofundingCents: cents,
    otherCofundingCents: cents,
    lines,
    platform: fc.record({ population: fc.integer({ min: 0, max: 2_000_000 }), companyCount: fc.integer({ min: 0, max: 200_000 }) }),
  });

  it("subvention Région ≤ plafond, ≤ 80 % des éligibles, ≤ demande", () => {
    fc.assert(fc.property(file, (f) => {
      const c = computeRegionGrant(REGION_FRAMEWORK_V1, f);
      expect(c.grantCents).toBeLessThanOrEqual(c.capCents!);
      expect(c.grantCents * 10_000).toBeLessThanOrEqual(c.eligibleCents * 8000);
      expect(c.grantCents).toBeLessThanOrEqual(f.requestedCents);
      expect(Number.isInteger(c.grantCents) && c.grantCents >= 0).toBe(true);
    }));
  });

  it("contribution France Travail = taux × éligibles arrondi au centime inférieur, investissement exclu", () => {
    fc.assert(fc.property(file, (f) => {
      const c = computeFranceTravailContribution(FRANCE_TRAVAIL_V1, f);
      const expected = f.lines.filter((l) => l.eligible && (l.category === "RH_DEDIEES")).reduce((s, l) => s + l.forecastCents, 0);
      expect(c.eligibleCents).toBe(expected);
      expect(c.grantCents).toBe(applyRate(expected, 8000));
    }));
  });

  it("les tranches totalisent toujours l'attribution", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), (award) => {
      const t = buildTrancheSchedule(FRANCE_TRAVAIL_V1.tranches, award, { signedAt: day("2026-01-01") });
      expect(t.reduce((s, x) => s + x.amountCents, 0)).toBe(award);
      expect(t.every((x) => x.amountCents >= 0)).toBe(true);
    }));
  });

  it("une suite de versements acceptés ne dépasse jamais l'attribution", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: -5, max: 5_000_000 })), (award, asks) => {
      let paid = 0;
      for (const amountCents of asks) if (paymentRefusal({ awardedCents: award, paidCents: paid, amountCents }) === null) paid += amountCents;
      expect(paid).toBeLessThanOrEqual(award);
    }));
  });

  it("solde + déjà versé = montant définitif, et définitif ≤ attribution", () => {
    const funder = fc.constantFrom({ funder: "REGION" as const, rules: REGION_FRAMEWORK_V1 }, { funder: "FRANCE_TRAVAIL" as const, rules: FRANCE_TRAVAIL_V1 });
    fc.assert(fc.property(funder, file, cents, cents, (r, f, awarded, paid) => {
      const b = computeFinalBalance(r, { awardedCents: awarded, paidCents: Math.min(paid, awarded), staffEtp: f.staffEtp, platform: f.platform, lines: f.lines });
      expect(b.balanceCents + Math.min(paid, awarded)).toBe(b.finalCents);
      expect(b.finalCents).toBeLessThanOrEqual(awarded);
    }));
  });
});

describe("workflow du dossier", () => {
  it("chaque étape ne part que de ses statuts d'origine", () => {
    // Stated literally (from the convention's workflow), not read back from TRANSITION_DEFS: every
    // (step, status) pair not listed here must be refused.
    const EXPECTED: Record<(typeof TRANSITIONS)[number], Partial<Record<(typeof SUBSIDY_STATUSES)[number], string>>> = {
      submit: { DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" },
      startReview: { SUBMITTED: "UNDER_REVIEW" },
      sendBack: { SUBMITTED: "RETURNED", UNDER_REVIEW: "RETURNED" },
      approve: { SUBMITTED: "AWARDED", UNDER_REVIEW: "AWARDED" },
      reject: { SUBMITTED: "REJECTED", UNDER_REVIEW: "REJECTED" },
      sign: { AWARDED: "SIGNED" },
      close: { SIGNED: "CLOSED", TERMINATED: "CLOSED" },
      // FT art. 8 (substantial modification, amendment), FT art. 14 / Région art. 11 (termination, lapse).
      substantialChange: { SIGNED: "SIGNED" },
      amendment: { SIGNED: "SIGNED" },
      notifyTermination: { SIGNED: "TERMINATING" },
      terminate: { TERMINATING: "TERMINATED" },
      lapse: { AWARDED: "LAPSED", SIGNED: "LAPSED" },
    };
    expect([...TRANSITIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const t of TRANSITIONS) {
      for (const s of SUBSIDY_STATUSES) {
        expect(nextStatus(t, s), `${t} depuis ${s}`).toBe(EXPECTED[t][s] ?? null);
      }
    }
    expect(nextStatus("submit", "RETURNED")).toBe("SUBMITTED");
    expect(nextStatus("approve", "DRAFT")).toBeNull();
    expect(nextStatus("close", "AWARDED")).toBeNull();
  });

  it("ne propose que les étapes permises au rôle", () => {
    expect(availableTransitions("UNDER_REVIEW", (a) => a === "subsidy.review")).toEqual(["sendBack"]);
    expect(availableTransitions("DRAFT", (a) => a === "subsidy.review")).toEqual([]);
    expect(availableTransitions("RETURNED", (a) => a === "subsidy.submit")).toEqual(["submit"]);
  });
});
