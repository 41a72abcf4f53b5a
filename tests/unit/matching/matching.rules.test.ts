import { describe, expect, it } from "vitest";
import { isAvailable, matchScore, MATCH_WEIGHTS, placeWithinPerimeter, rankMatches, type SeekerForMatch } from "@/lib/matching/matching.rules";

const lens = { inseeCode: "62498", epciCode: "246200364", departmentCode: "62" };
const amiens = { inseeCode: "80021", epciCode: "248000531", departmentCode: "80" };
const offer = { romeCode: "N1103", contractType: "CDI", place: lens };
const seeker: SeekerForMatch = {
  desiredRomeCodes: ["N1103"], contractType: "CDI", mobilityScope: "EPCI", mobilityCodes: ["246200364"], home: lens, inActivity: false, wantsChange: null, hired: false,
};

describe("score d'adéquation offre / demandeur", () => {
  it("tous les critères réunis : 100", () => {
    expect(matchScore(offer, seeker)).toEqual({ score: 100, rome: true, place: true, contract: true, available: true });
  });
  it("chaque critère pèse son poids", () => {
    expect(matchScore({ ...offer, romeCode: "H2102" }, seeker).score).toBe(100 - MATCH_WEIGHTS.rome);
    expect(matchScore({ ...offer, place: amiens }, seeker).score).toBe(100 - MATCH_WEIGHTS.place);
    expect(matchScore({ ...offer, contractType: "INTERIM" }, seeker).score).toBe(100 - MATCH_WEIGHTS.contract);
    expect(matchScore(offer, { ...seeker, hired: true }).score).toBe(100 - MATCH_WEIGHTS.available);
  });
  it("périmètre de mobilité par commune, EPCI, département, région", () => {
    expect(placeWithinPerimeter(lens, { mobilityScope: "COMMUNE", mobilityCodes: ["62498"], home: null })).toBe(true);
    expect(placeWithinPerimeter(amiens, { mobilityScope: "COMMUNE", mobilityCodes: ["62498"], home: null })).toBe(false);
    expect(placeWithinPerimeter(amiens, { mobilityScope: "DEPARTEMENT", mobilityCodes: ["80"], home: null })).toBe(true);
    expect(placeWithinPerimeter(amiens, { mobilityScope: "REGION", mobilityCodes: ["32"], home: null })).toBe(true);
    expect(placeWithinPerimeter({ ...amiens, departmentCode: "75" }, { mobilityScope: "REGION", mobilityCodes: ["32"], home: null })).toBe(false);
    // Sans périmètre : l'EPCI du domicile.
    expect(placeWithinPerimeter(lens, { mobilityScope: null, mobilityCodes: [], home: { ...lens, inseeCode: "62510" } })).toBe(true);
    expect(placeWithinPerimeter(amiens, { mobilityScope: null, mobilityCodes: [], home: lens })).toBe(false);
  });
  it("disponibilité : pas déjà embauché, sans emploi ou souhaitant changer", () => {
    expect(isAvailable({ inActivity: true, wantsChange: false, hired: false })).toBe(false);
    expect(isAvailable({ inActivity: true, wantsChange: true, hired: false })).toBe(true);
    expect(isAvailable({ inActivity: null, wantsChange: null, hired: false })).toBe(true);
  });
  it("classe par score décroissant puis par clé stable", () => {
    const m = (score: number) => ({ score, rome: false, place: false, contract: false, available: false });
    const ranked = rankMatches([{ key: "b", match: m(40) }, { key: "a", match: m(40) }, { key: "c", match: m(85) }]);
    expect(ranked.map((r) => r.key)).toEqual(["c", "a", "b"]);
  });
});
