import { describe, expect, it } from "vitest";
import { parseRuleSetPayload, ruleSetPayloadSchemas } from "@/lib/rules/rule-set.schema";
import { FRANCE_TRAVAIL_V1, initialRuleSets, REGION_FRAMEWORK_V1, RETENTION_V1 } from "@/prisma/seed/rule-sets";

describe("rule-set.schema", () => {
  it("valide les cinq jeux de règles initiaux", () => {
    const sets = initialRuleSets();
    expect(sets.map((s) => s.kind).sort()).toEqual(Object.keys(ruleSetPayloadSchemas).sort());
    for (const s of sets) expect(() => parseRuleSetPayload(s.kind, s.payload)).not.toThrow();
  });

  it("exige des tranches France Travail qui totalisent 100 %", () => {
    const tranches = FRANCE_TRAVAIL_V1.tranches.map((t) => (t.rank === 3 ? { ...t, shareBp: 2000 } : t));
    expect(ruleSetPayloadSchemas.FRANCE_TRAVAIL.safeParse({ ...FRANCE_TRAVAIL_V1, tranches }).success).toBe(false);
  });

  it("exige un seul délai par tranche (jours ou mois)", () => {
    const tranches = FRANCE_TRAVAIL_V1.tranches.map((t) => (t.rank === 1 ? { ...t, dueMonthsAfter: 1 } : t));
    expect(ruleSetPayloadSchemas.FRANCE_TRAVAIL.safeParse({ ...FRANCE_TRAVAIL_V1, tranches }).success).toBe(false);
  });

  it("refuse un taux Région plus part territoire au-delà de 100 %", () => {
    const payload = { ...REGION_FRAMEWORK_V1, minTerritoryShareBp: 2500 };
    expect(ruleSetPayloadSchemas.REGION_FRAMEWORK.safeParse(payload).success).toBe(false);
  });

  it("accepte un plafond grand territoire non renseigné (null)", () => {
    expect(REGION_FRAMEWORK_V1.largeTerritory.capCents).toBeNull();
    expect(ruleSetPayloadSchemas.REGION_FRAMEWORK.safeParse(REGION_FRAMEWORK_V1).success).toBe(true);
  });

  it("refuse une destruction antérieure à l'archivage", () => {
    const payload = { ...RETENTION_V1, jobSeekerDestroyMonths: 12 };
    expect(ruleSetPayloadSchemas.RETENTION.safeParse(payload).success).toBe(false);
  });
});
