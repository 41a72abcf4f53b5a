import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { franceTravailSchema, regionFrameworkSchema } from "@/lib/rules/rule-set.schema";
import {
  claimRefusal, computeFtPenalty, computeWithholding, nextRefundOrderNumber, refundOrderRefusal, requiredDocuments, trancheConditions, trancheStatus,
} from "@/lib/subsidy/tranche.rules";
import { FRANCE_TRAVAIL_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const PENALTIES = { deliberateSurchargeBp: 5000, fraudSurchargeBp: 10_000 };

describe("conditions des tranches", () => {
  it("les jeux de règles d'exemple restent valides avec leurs pièces requises", () => {
    expect(franceTravailSchema.safeParse(FRANCE_TRAVAIL_V1).success).toBe(true);
    expect(regionFrameworkSchema.safeParse(REGION_FRAMEWORK_V1).success).toBe(true);
    expect(FRANCE_TRAVAIL_V1.tranches.map(requiredDocuments)).toEqual([["START_ATTESTATION"], ["INTERMEDIATE_REPORT"], ["FINAL_REPORT", "FINAL_REVIEW_MEETING"]]);
    expect(requiredDocuments(REGION_FRAMEWORK_V1.tranches![0]!)).toEqual(["RECEIPTS"]);
  });

  it("sans liste explicite, la pièce de l'ancre est requise", () => {
    expect(requiredDocuments({ anchor: "SIGNATURE" })).toEqual(["START_ATTESTATION"]);
    expect(requiredDocuments({ anchor: "INTERMEDIATE_REPORT" })).toEqual(["INTERMEDIATE_REPORT"]);
    expect(requiredDocuments({ anchor: "FINAL_REVIEW_MEETING" })).toEqual(["FINAL_REVIEW_MEETING"]);
  });

  it("prévue → exigible → demandée → versée", () => {
    const required = ["FINAL_REPORT", "FINAL_REVIEW_MEETING"] as const;
    const none = trancheConditions([...required], { documentDates: {}, receiptCount: 0 });
    const half = trancheConditions([...required], { documentDates: { finalReportAt: day("2027-02-01") }, receiptCount: 0 });
    const all = trancheConditions([...required], { documentDates: { finalReportAt: day("2027-02-01"), finalReviewMeetingAt: day("2027-03-01") }, receiptCount: 0 });
    const base = { stored: "PLANNED" as const, amountCents: 300, paidCents: 0, claimed: false };
    expect(trancheStatus({ ...base, conditions: none })).toBe("PLANNED");
    expect(trancheStatus({ ...base, conditions: half })).toBe("PLANNED");
    expect(trancheStatus({ ...base, conditions: all })).toBe("DUE");
    expect(trancheStatus({ ...base, claimed: true, conditions: all })).toBe("REQUESTED");
    expect(trancheStatus({ ...base, claimed: true, paidCents: 299, conditions: all })).toBe("REQUESTED");
    expect(trancheStatus({ ...base, claimed: true, paidCents: 300, conditions: all })).toBe("PAID");
    expect(trancheStatus({ ...base, stored: "CANCELLED", conditions: all })).toBe("CANCELLED");
    expect(all[1]!.at).toEqual(day("2027-03-01"));
  });

  it("les justificatifs comptent dès qu'un fichier est joint à la tranche", () => {
    expect(trancheConditions(["RECEIPTS"], { documentDates: {}, receiptCount: 0 })[0]!.met).toBe(false);
    expect(trancheConditions(["RECEIPTS"], { documentDates: {}, receiptCount: 1 })[0]!.met).toBe(true);
  });

  it("refuse la demande tant qu'une condition manque, et la nomme", () => {
    const c = trancheConditions(["START_ATTESTATION"], { documentDates: {}, receiptCount: 0 });
    expect(claimRefusal("PLANNED", c)).toBe("Conditions non remplies : attestation de démarrage.");
    expect(claimRefusal("REQUESTED", c)).toMatch(/déjà demandé/);
    expect(claimRefusal("PAID", c)).toMatch(/déjà versée/);
    const ok = trancheConditions(["START_ATTESTATION"], { documentDates: { startAttestationAt: day("2026-04-01") }, receiptCount: 0 });
    expect(claimRefusal("DUE", ok)).toBeNull();
  });
});

describe("retenue pour compte rendu financier manquant", () => {
  const file = { fiscalYearEnd: day("2026-12-31"), financialReportReceivedAt: null, formalNoticeAt: null, awardedCents: 10_000_000, paidCents: 5_000_000 };
  const due = day("2027-06-30");
  const rules = { financialReportMonthsAfterFiscalYearEnd: 6, formalNoticeResponseDays: 15, financialReportWithholdingBp: 1000 };

  it("rien avant l'échéance ni quand le compte rendu est reçu", () => {
    expect(computeWithholding(file, rules, due, day("2027-06-30")).stage).toBe("NONE");
    expect(computeWithholding({ ...file, financialReportReceivedAt: day("2027-08-01") }, rules, due, day("2027-09-01")).stage).toBe("NONE");
  });

  it("retard sans mise en demeure : pas de retenue, il faut la mise en demeure", () => {
    const r = computeWithholding(file, rules, due, day("2027-07-01"));
    expect(r).toMatchObject({ stage: "REPORT_LATE", withheldCents: 0 });
    expect(r.message).toMatch(/mise en demeure/);
  });

  it("mise en demeure : retenue seulement après le délai de réponse, taux × attribution", () => {
    const noticed = { ...file, formalNoticeAt: day("2027-07-10") };
    expect(computeWithholding(noticed, rules, due, day("2027-07-24"))).toMatchObject({ stage: "NOTICE_PENDING", withheldCents: 0 });
    const r = computeWithholding(noticed, rules, due, day("2027-07-25"));
    expect(r).toMatchObject({ stage: "WITHHOLDING", withheldCents: 1_000_000 });
    expect(r.message).toContain("10 %");
  });

  it("limitée au reste à verser", () => {
    const r = computeWithholding({ ...file, paidCents: 9_500_000, formalNoticeAt: day("2027-07-10") }, rules, due, day("2027-08-01"));
    expect(r.withheldCents).toBe(500_000);
  });

  it("taux non fixé : avertissement, aucun montant inventé", () => {
    const r = computeWithholding({ ...file, formalNoticeAt: day("2027-07-10") }, { ...rules, financialReportWithholdingBp: null }, due, day("2027-08-01"));
    expect(r).toMatchObject({ stage: "RATE_UNSET", withheldCents: 0 });
  });
});

describe("pénalités France Travail (convention art. 8)", () => {
  it("détournement : reversement de la part utilisée à d'autres fins, sans majoration", () => {
    const p = computeFtPenalty("MISUSE", { awardedCents: 5_000_000, misusedCents: 1_234_567 }, PENALTIES);
    expect(p).toMatchObject({ refundCents: 1_234_567, surchargeCents: 0, totalCents: 1_234_567, termination: true });
    expect(computeFtPenalty("MISUSE", { awardedCents: 100, misusedCents: 500 }, PENALTIES).refundCents).toBe(100);
  });

  it("aides d'État et informations inexactes : totalité, majorée de 50 % ou 100 %", () => {
    expect(computeFtPenalty("EU_STATE_AID", { awardedCents: 5_000_000 }, PENALTIES).totalCents).toBe(5_000_000);
    expect(computeFtPenalty("INACCURATE", { awardedCents: 5_000_000 }, PENALTIES).totalCents).toBe(5_000_000);
    expect(computeFtPenalty("INACCURATE_DELIBERATE", { awardedCents: 5_000_001 }, PENALTIES)).toMatchObject({ surchargeCents: 2_500_000, totalCents: 7_500_001 });
    expect(computeFtPenalty("FRAUD", { awardedCents: 5_000_001 }, PENALTIES)).toMatchObject({ surchargeCents: 5_000_001, totalCents: 10_000_002 });
  });

  it("propriété : total = reversement + majoration, reversement ≤ attribution", () => {
    fc.assert(fc.property(
      fc.constantFrom("MISUSE", "EU_STATE_AID", "INACCURATE", "INACCURATE_DELIBERATE", "FRAUD" as const),
      fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 2_000_000_000 }),
      (breach, awardedCents, misusedCents) => {
        const p = computeFtPenalty(breach, { awardedCents, misusedCents }, PENALTIES);
        expect(p.totalCents).toBe(p.refundCents + p.surchargeCents);
        expect(p.refundCents).toBeLessThanOrEqual(awardedCents);
        expect(p.surchargeCents).toBeLessThanOrEqual(p.refundCents);
      },
    ));
  });
});

describe("ordres de reversement", () => {
  it("numérotation annuelle continue", () => {
    expect(nextRefundOrderNumber(2027, [])).toBe("OR-2027-0001");
    expect(nextRefundOrderNumber(2027, ["OR-2027-0001", "OR-2027-0009", "OR-2026-0042"])).toBe("OR-2027-0010");
  });
  it("jamais plus que le montant à reverser restant", () => {
    expect(refundOrderRefusal(100, 300, 0)).toBeNull();
    expect(refundOrderRefusal(300, 300, 0)).toBeNull();
    expect(refundOrderRefusal(301, 300, 0)).toMatch(/dépasse/);
    expect(refundOrderRefusal(101, 300, 200)).toMatch(/dépasse/);
    expect(refundOrderRefusal(0, 300, 0)).toMatch(/positif/);
  });
});
