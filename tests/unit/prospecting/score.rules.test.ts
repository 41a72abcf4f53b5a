// The prospecting score with hand-computed cases (weights 4/2/1/2/1 of the default rule set: total 10).
import { describe, expect, it } from "vitest";
import { ageScore, distanceKm, distanceScore, scoreProspect, weightedMedian, wholeYears } from "@/lib/prospecting/score.rules";
import { PROSPECTING_DEFAULTS, prospectingSchema } from "@/lib/rules/rule-set.schema";

const rules = PROSPECTING_DEFAULTS;

describe("score de prospection", () => {
  it("les valeurs par défaut sont un jeu de règles valide", () => {
    expect(prospectingSchema.parse(rules)).toEqual(rules);
  });

  it("cas complet : (4×0,7 + 2×1 + 1×0,7 + 2×0,5 + 1×0,8) / 10 = 73,0, avec ses raisons", () => {
    const s = scoreProspect({ matchingSeekers: 14, headcountCode: "21", ageYears: 3, tensionShare: 0.5, distanceKm: 6 }, rules);
    expect(s.parts).toEqual({ trades: 0.7, headcount: 1, age: 0.7, tension: 0.5, distance: 0.8 });
    expect(s.score).toBe(73);
    expect(s.reasons).toEqual([
      "14 demandeurs recherchent des métiers que ce secteur recrute",
      "50 à 99 salariés",
      "créé il y a 3 ans",
      "50 % de ses recrutements dans des métiers en tension",
      "à 6 km des demandeurs",
    ]);
  });

  it("rien de connu : seule la part « effectif inconnu » compte (2 × 0,3 / 10 = 6,0)", () => {
    const s = scoreProspect({ matchingSeekers: 0, headcountCode: null, ageYears: null, tensionShare: null, distanceKm: null }, rules);
    expect(s.score).toBe(6);
    expect(s.reasons).toEqual(["aucun demandeur de la plateforme ne recherche un métier que ce secteur recrute", "effectif inconnu"]);
  });

  it("plafonds : 45 demandeurs valent la part entière, 45 km n'en valent aucune ((4 + 0,2 + 0,3 + 2 + 0) / 10 = 65,0)", () => {
    const s = scoreProspect({ matchingSeekers: 45, headcountCode: "00", ageYears: 30, tensionShare: 1, distanceKm: 45 }, rules);
    expect(s.parts).toEqual({ trades: 1, headcount: 0.1, age: 0.3, tension: 1, distance: 0 });
    expect(s.score).toBe(65);
  });

  it("les poids viennent du jeu de règles : tout sur la distance → score = part distance", () => {
    const only = { ...rules, weights: { trades: 0, headcount: 0, age: 0, tension: 0, distance: 1 } };
    expect(scoreProspect({ matchingSeekers: 99, headcountCode: "12", ageYears: 1, tensionShare: 1, distanceKm: 15 }, only).score).toBe(50);
  });

  it("tranches d'âge : la borne haute est exclue", () => {
    expect(ageScore(1, rules.ageBands)).toBe(1);
    expect(ageScore(2, rules.ageBands)).toBe(0.7);
    expect(ageScore(9, rules.ageBands)).toBe(0.5);
    expect(ageScore(10, rules.ageBands)).toBe(0.3);
    expect(ageScore(null, rules.ageBands)).toBe(0);
    expect(wholeYears("2020-06-15", "2026-06-14")).toBe(5);
    expect(wholeYears("2020-06-15", "2026-06-15")).toBe(6);
  });

  it("distance : Lens – Liévin ≈ 3,7 km ; part nulle au-delà du maximum", () => {
    expect(distanceKm({ lat: 50.43743, lon: 2.82106 }, { lat: 50.42428, lon: 2.77292 })).toBeCloseTo(3.7, 1);
    expect(distanceScore(0, 30)).toBe(1);
    expect(distanceScore(30, 30)).toBe(0);
    expect(distanceScore(60, 30)).toBe(0);
  });

  it("médiane pondérée des distances aux demandeurs", () => {
    expect(weightedMedian([{ value: 10, weight: 1 }, { value: 1, weight: 1 }, { value: 5, weight: 3 }])).toBe(5);
    expect(weightedMedian([{ value: 2, weight: 1 }, { value: 8, weight: 1 }])).toBe(2);
    expect(weightedMedian([])).toBeNull();
  });
});
