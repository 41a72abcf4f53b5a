import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ruleSetPayloadSchemas } from "@/lib/rules/rule-set.schema";
import { defOf, diffPayload, displayValue, emptyValue, fieldLabel, fromInput, toInput, unitOf } from "@/lib/rules/rule-set-fields";
import { DEADLINES_V1, FRANCE_TRAVAIL_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";

/** Every object key of a schema, walked the way the editor walks it. */
function keys(s: z.ZodType): string[] {
  const d = defOf(s);
  if (d.type === "object") return Object.entries(d.shape!).flatMap(([k, f]) => [k, ...keys(f)]);
  if (d.type === "array") return keys(d.element!);
  if (d.type === "optional" || d.type === "nullable" || d.type === "default") return keys(d.innerType!);
  return [];
}

describe("éditeur champ par champ des jeux de règles", () => {
  it("chaque champ de chaque jeu de règles a un libellé français du dictionnaire", () => {
    for (const schema of Object.values(ruleSetPayloadSchemas)) {
      for (const k of keys(schema as unknown as z.ZodType)) expect(fieldLabel(k), k).not.toBe(k);
    }
    expect(fieldLabel("fundingRateBp")).toBe("Taux de financement");
  });

  it("un champ inconnu reçoit un libellé lisible et son unité d'après son nom", () => {
    expect(fieldLabel("newBonusCents")).toBe("New bonus");
    expect(unitOf("newBonusCents")).toBe("cents");
    expect(unitOf("someRateBp")).toBe("bp");
    expect(unitOf("dueMonthsAfter")).toBe("months");
  });

  it("affiche des euros et des pourcentages, stocke des centimes et des points de base", () => {
    expect(toInput("cents", 10_000_000)).toBe("100 000");
    expect(toInput("cents", 1_250_050)).toBe("12 500,5");
    expect(toInput("bp", 8000)).toBe("80");
    expect(toInput("bp", 1250)).toBe("12,5");
    expect(fromInput("cents", "136 000")).toEqual({ value: 13_600_000 });
    expect(fromInput("cents", "12 500,50 €")).toEqual({ value: 1_250_050 });
    expect(fromInput("bp", "12,5 %")).toEqual({ value: 1250 });
    expect(fromInput("cents", "12,345")).toEqual({ error: "Deux décimales au plus." });
    expect(fromInput("days", "abc")).toEqual({ error: "Nombre attendu." });
    expect(fromInput("cents", "")).toEqual({ error: "Valeur requise." });
    expect(fromInput("cents", "0,29")).toEqual({ value: 29 });
  });

  it("la différence liste les champs modifiés avec leur unité", () => {
    const next = structuredClone(REGION_FRAMEWORK_V1);
    next.capsByEtp[1]!.capCents = 14_000_000;
    next.largeTerritory.capCents = 20_000_000;
    next.fundingRateBp = 7500;
    const changes = diffPayload(REGION_FRAMEWORK_V1, next);
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ["fundingRateBp", "80 %", "75 %"],
      ["capsByEtp.1.capCents", "136 000 €", "140 000 €"],
      ["largeTerritory.capCents", "(non fixé)", "200 000 €"],
    ]);
    expect(changes[1]!.label).toBe("Plafonds annuels par effectif › n° 2 › Plafond");
    expect(diffPayload(FRANCE_TRAVAIL_V1, structuredClone(FRANCE_TRAVAIL_V1))).toEqual([]);
  });

  it("signale ajouts et retraits de champs optionnels et d'éléments", () => {
    const changes = diffPayload(DEADLINES_V1, { ...DEADLINES_V1, financialReportWithholdingBp: 1000, formalNoticeResponseDays: 15 });
    expect(changes.map((c) => [c.path, c.before, c.after])).toEqual([
      ["financialReportWithholdingBp", "(non fixé)", "10 %"],
      ["formalNoticeResponseDays", "(absent)", "15"],
    ]);
    const fewer = { ...FRANCE_TRAVAIL_V1, eligibleCategories: FRANCE_TRAVAIL_V1.eligibleCategories.slice(0, 1) };
    expect(diffPayload(FRANCE_TRAVAIL_V1, fewer).some((c) => c.path === "eligibleCategories.1" && c.after === "(supprimé)")).toBe(true);
    expect(displayValue("requires", ["START_ATTESTATION"])).toBe("Attestation de démarrage");
  });

  it("un élément vide ajouté est refusé par le schéma tant qu'il n'est pas rempli", () => {
    const schema = ruleSetPayloadSchemas.REGION_FRAMEWORK;
    const item = emptyValue(defOf(defOf(schema as unknown as z.ZodType).shape!.capsByEtp!).element!);
    expect(item).toEqual({ etp: 0, capCents: 0 });
    expect(schema.safeParse({ ...REGION_FRAMEWORK_V1, capsByEtp: [...REGION_FRAMEWORK_V1.capsByEtp, item] }).success).toBe(false);
  });
});
