import { describe, expect, it } from "vitest";
import {
  bilanDisplayValue, budgetUpdate, finalBilanCheck, FT_BILAN_INDICATORS, FT_BILAN_NO_DATA, ftBilanIndicators, ftBilanPeriod, intermediateBilanCheck, maskThresholdFor,
} from "@/lib/france-travail/ft-bilan.rules";
import type { FtDiagnosticFact } from "@/lib/france-travail/ft-report.rules";
import { franceTravailSchema } from "@/lib/rules/rule-set.schema";
import { FRANCE_TRAVAIL_V1 } from "@/prisma/seed/rule-sets";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const base: FtDiagnosticFact = {
  jobSeekerId: "p1", diagnosticDone: true, accompanimentDone: false, accompanimentDurationDays: null, solutionRecommended: false,
  orientationMaterialFinancial: false, distanceBeforeKm: null, distanceAfterKm: null, satisfaction: null,
};
const fact = (id: string, extra: Partial<FtDiagnosticFact> = {}): FtDiagnosticFact => ({ ...base, jobSeekerId: id, ...extra });
const byKey = (values: ReturnType<typeof ftBilanIndicators>) => Object.fromEntries(values.map((v) => [v.key, v]));

describe("France Travail art. 5 — indicateurs du bilan sur la période du projet", () => {
  // Six people, one of them seen three times over the year (three different months).
  const facts = [
    fact("a", { accompanimentDone: true, accompanimentDurationDays: 10, distanceBeforeKm: 10, distanceAfterKm: 30, satisfaction: 4, orientationMaterialFinancial: true }),
    fact("a", { diagnosticDone: false }),
    fact("a", { accompanimentDone: true, accompanimentDurationDays: 20, distanceBeforeKm: 20, distanceAfterKm: 40, satisfaction: 5 }),
    fact("b", { accompanimentDone: true, accompanimentDurationDays: 30, distanceBeforeKm: 0, distanceAfterKm: 10, satisfaction: 3, orientationMaterialFinancial: true }),
    fact("c", { accompanimentDone: true, accompanimentDurationDays: 40, distanceBeforeKm: 5, distanceAfterKm: 5, satisfaction: 4, solutionRecommended: true }),
    fact("d", { diagnosticDone: false }),
    fact("e", { accompanimentDone: true, accompanimentDurationDays: 50, distanceBeforeKm: 8, distanceAfterKm: 18, satisfaction: 2 }),
    fact("f"),
  ];

  it("compte les bénéficiaires distincts (une personne vue plusieurs mois compte une fois), les diagnostics proposés et réalisés", () => {
    const v = byKey(ftBilanIndicators(facts, 0));
    expect(Object.keys(v)).toEqual(FT_BILAN_INDICATORS.map((x) => x.key));
    expect(v.beneficiaries!.value).toBe(6);
    expect(v.diagnosticsProposed!.value).toBe(8);
    expect(v.diagnostics!.value).toBe(6);
  });

  it("donne le nombre et la durée moyenne des accompagnements réalisés, l'évolution de la distance, les orientations et la satisfaction", () => {
    const v = byKey(ftBilanIndicators(facts, 0));
    expect(v.accompaniments!.value).toBe(5);
    expect(v.accompanimentMeanDays!.value).toBe(30); // (10+20+30+40+50)/5
    expect(v.distanceMeasured!.value).toBe(5);
    expect(v.distanceMeanChangeKm!.value).toBe(12); // (20+20+10+0+10)/5
    expect(v.orientationsMaterialFinancial!.value).toBe(2);
    expect(v.solutionsRecommended!.value).toBe(1);
    expect(v.satisfactionMean!.value).toBe(3.6); // (4+5+3+4+2)/5
  });

  it("masque selon le seuil du bilan ; seuil 0 = rien de masqué", () => {
    const masked = byKey(ftBilanIndicators(facts, 5));
    expect(masked.orientationsMaterialFinancial!.masked).toBe(true);
    expect(bilanDisplayValue(masked.orientationsMaterialFinancial!, 5)).toBe("< 5");
    expect(masked.beneficiaries!.masked).toBe(false);
    expect(bilanDisplayValue(masked.beneficiaries!, 5)).toBe(6);
    const open = ftBilanIndicators(facts, 0);
    expect(open.every((x) => !x.masked)).toBe(true);
  });

  it("dit quelles mesures de l'article 5 n'ont pas de donnée dans l'application", () => {
    expect(FT_BILAN_NO_DATA.some((s) => s.startsWith("Accompagnements proposés"))).toBe(true);
  });
});

describe("secret statistique : un choix du jeu de règles par document (issue 22 §3)", () => {
  it("applique le seuil au document dont le masquage est coché, 0 sinon", () => {
    const rules = { smallCountMaskThreshold: 5, masking: { monthly: true, intermediateBilan: false, finalBilan: true } };
    expect(maskThresholdFor(rules, "monthly")).toBe(5);
    expect(maskThresholdFor(rules, "intermediateBilan")).toBe(0);
    expect(maskThresholdFor(rules, "finalBilan")).toBe(5);
  });

  it("un jeu de règles écrit avant ce choix masque les trois documents et garde les délais de l'article 5 (6 mois, 1 mois)", () => {
    const { masking, intermediateBilanMonthsAfterSignature, finalBilanMonthsBeforeMeeting, ...older } = FRANCE_TRAVAIL_V1;
    void masking; void intermediateBilanMonthsAfterSignature; void finalBilanMonthsBeforeMeeting;
    const parsed = franceTravailSchema.parse(older);
    expect(parsed.masking).toEqual({ monthly: true, intermediateBilan: true, finalBilan: true });
    expect([parsed.intermediateBilanMonthsAfterSignature, parsed.finalBilanMonthsBeforeMeeting]).toEqual([6, 1]);
  });
});

describe("France Travail art. 5 — échéances des bilans", () => {
  const rules = { intermediateBilanMonthsAfterSignature: 6, finalBilanMonthsBeforeMeeting: 1 };

  it("bilan intermédiaire « au plus tard 6 mois après la signature » : attendu, en retard, reçu à temps ou en retard", () => {
    const signedAt = d("2026-03-15");
    expect(intermediateBilanCheck({ signedAt, intermediateReportAt: null }, rules, d("2026-09-01"))).toMatchObject({ state: "AWAITED", dueAt: d("2026-09-15") });
    expect(intermediateBilanCheck({ signedAt, intermediateReportAt: null }, rules, d("2026-09-16")).state).toBe("OVERDUE");
    expect(intermediateBilanCheck({ signedAt, intermediateReportAt: d("2026-09-15") }, rules, d("2026-10-01")).state).toBe("ON_TIME");
    expect(intermediateBilanCheck({ signedAt, intermediateReportAt: d("2026-09-16") }, rules, d("2026-10-01")).state).toBe("LATE");
  });

  it("« au plus tard le » : attendu toute la journée de l'échéance à Paris, en retard dès minuit à Paris", () => {
    const signedAt = d("2026-03-15");
    const at = (iso: string) => intermediateBilanCheck({ signedAt, intermediateReportAt: null }, rules, new Date(iso)).state;
    // Due 15 September 2026 (summer time: midnight in Paris is 22:00 UTC).
    expect([at("2026-09-15T10:00:00Z"), at("2026-09-15T21:30:00Z"), at("2026-09-15T22:30:00Z")]).toEqual(["AWAITED", "AWAITED", "OVERDUE"]);
  });

  it("bilan final « un mois avant la tenue de la réunion » : dû à la date de réunion moins un mois", () => {
    const meeting = d("2027-04-20");
    expect(finalBilanCheck({ finalReviewMeetingAt: meeting, finalReportAt: d("2027-03-20") }, rules, d("2027-04-01"))).toMatchObject({ state: "ON_TIME", dueAt: d("2027-03-20") });
    const late = finalBilanCheck({ finalReviewMeetingAt: meeting, finalReportAt: d("2027-03-21") }, rules, d("2027-04-01"));
    expect(late.state).toBe("LATE");
    expect(late.message).toContain("en retard");
    expect(finalBilanCheck({ finalReviewMeetingAt: meeting, finalReportAt: null }, rules, d("2027-03-25")).state).toBe("OVERDUE");
    expect(finalBilanCheck({ finalReviewMeetingAt: meeting, finalReportAt: null }, rules, d("2027-03-01")).state).toBe("AWAITED");
  });

  it("sans date de réunion (« fixée conjointement »), pas encore d'échéance", () => {
    expect(finalBilanCheck({ finalReviewMeetingAt: null, finalReportAt: null }, rules, d("2027-03-01"))).toMatchObject({ state: "NO_MEETING", dueAt: null });
  });

  it("le délai vient du jeu de règles : deux mois avant la réunion si une version le dit", () => {
    expect(finalBilanCheck({ finalReviewMeetingAt: d("2027-04-20"), finalReportAt: d("2027-03-01") }, { finalBilanMonthsBeforeMeeting: 2 }, d("2027-04-01")).state).toBe("LATE");
  });
});

describe("France Travail art. 5 — période couverte par chaque bilan", () => {
  const f = { signedAt: d("2026-03-15"), endsAt: d("2027-03-14"), intermediateReportAt: null };
  const rules = { intermediateBilanMonthsAfterSignature: 6 };

  it("bilan final : toute la convention, de la signature à son dernier jour", () => {
    expect(ftBilanPeriod("FINAL", f, rules, d("2026-05-01"))).toEqual({ from: d("2026-03-15"), to: d("2027-03-14") });
  });

  it("bilan intermédiaire : « le résultat des indicateurs à date » — jusqu'à son envoi, sinon aujourd'hui, au plus tard la veille de l'échéance", () => {
    expect(ftBilanPeriod("INTERMEDIATE", { ...f, intermediateReportAt: d("2026-08-31") }, rules, d("2026-12-01")).to).toEqual(d("2026-08-31"));
    expect(ftBilanPeriod("INTERMEDIATE", f, rules, new Date("2026-06-10T15:00:00Z")).to).toEqual(d("2026-06-10"));
    expect(ftBilanPeriod("INTERMEDIATE", f, rules, d("2026-12-01")).to).toEqual(d("2026-09-14"));
  });

  it("bilan intermédiaire non envoyé : « aujourd'hui » est le jour de Paris, pas le jour UTC", () => {
    const june = { signedAt: d("2026-06-15"), endsAt: d("2027-06-14"), intermediateReportAt: null };
    // 30 novembre, 23 h 30 UTC = 1er décembre, 0 h 30 à Paris.
    expect(ftBilanPeriod("INTERMEDIATE", june, rules, new Date("2026-11-30T23:30:00Z")).to).toEqual(d("2026-12-01"));
    // 31 décembre, 23 h 30 UTC = 1er janvier à Paris (échéance le 14 juin 2027, non atteinte).
    expect(ftBilanPeriod("INTERMEDIATE", { ...june, signedAt: d("2026-09-15"), endsAt: d("2027-09-14") }, rules, new Date("2026-12-31T23:30:00Z")).to).toEqual(d("2027-01-01"));
  });
});

describe("France Travail art. 5 — budget actualisé (même structure que le budget prévisionnel)", () => {
  it("prend l'actualisation quand il y en a une, sinon le prévu initial ; écart = réalisé − prévu en vigueur", () => {
    const b = budgetUpdate([
      { id: "1", category: "RH", label: "Conseillère mobilité", eligible: true, forecastCents: 3_000_000, updatedForecastCents: 2_500_000, actualCents: 2_400_000 },
      { id: "2", category: "PRESTATIONS", label: "Location de salles", eligible: true, forecastCents: 500_000, updatedForecastCents: null, actualCents: null },
      { id: "3", category: "INVESTISSEMENT", label: "Ordinateurs", eligible: false, forecastCents: 200_000, updatedForecastCents: null, actualCents: 250_000 },
    ]);
    expect(b.rows.map((r) => [r.currentForecastCents, r.gapCents])).toEqual([[2_500_000, -100_000], [500_000, null], [200_000, 50_000]]);
    expect(b.total).toEqual({ forecastCents: 3_700_000, currentForecastCents: 3_200_000, actualCents: 2_650_000 });
    expect(b.eligible).toEqual({ forecastCents: 3_500_000, currentForecastCents: 3_000_000, actualCents: 2_400_000 });
  });
});
