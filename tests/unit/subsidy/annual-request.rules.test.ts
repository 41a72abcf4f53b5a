// Issue 22 §4 — the Région annual request (convention cadre art. 4.1 and art. 5, cadre d'intervention
// §2 and §5) and the payment's dependence on the activity bilan (cadre d'intervention §5).
import { describe, expect, it } from "vitest";
import { FRANCE_TRAVAIL_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";
import { regionFrameworkSchema } from "@/lib/rules/rule-set.schema";
import {
  activityBilanMissing, activityBilanRequired, annualRequestChecklist, annualRequestFieldErrors, annualRequestRefusal, overrideReasonRefusal, paymentWaitsFor,
  type AnnualRequestFacts,
} from "@/lib/subsidy/annual-request.rules";
import { requiredDocuments, trancheConditions, withActivityBilan } from "@/lib/subsidy/tranche.rules";

const COMPLETE: AnnualRequestFacts = {
  year: 2026,
  description: "Deux chargés de mission, bureau à la maison de l'emploi, un véhicule partagé.",
  actionProgramme: "Prospection de 400 entreprises et six réunions circuit court.",
  requestedCents: 10_000_000,
  territoryCofundingCents: 2_500_000,
  lines: [{ forecastCents: 12_500_000 }],
  previousBilan: { annualReportWritten: true, documents: 0 },
};

describe("demande annuelle Région — convention cadre art. 5, cadre d'intervention §5", () => {
  it("art. 5 : une demande qui porte les cinq éléments est complète et peut être déposée", () => {
    const items = annualRequestChecklist(COMPLETE);
    expect(items.map((i) => i.element)).toEqual(["DESCRIPTION", "ACTION_PROGRAMME", "FINANCING_PLAN", "DETAILED_BUDGET", "PREVIOUS_BILAN"]);
    expect(items.every((i) => i.met)).toBe(true);
    expect(annualRequestRefusal(items)).toBeNull();
    expect(annualRequestFieldErrors(items)).toEqual({});
  });

  it("cadre d'intervention §5 : sans descriptif ni programme d'action (ou trop courts), la demande est refusée en listant ce qui manque", () => {
    const items = annualRequestChecklist({ ...COMPLETE, description: null, actionProgramme: "À venir" });
    expect(items.filter((i) => !i.met).map((i) => i.element)).toEqual(["DESCRIPTION", "ACTION_PROGRAMME"]);
    expect(annualRequestRefusal(items)).toBe(
      "Demande annuelle incomplète (convention cadre art. 5, cadre d'intervention §5) : il manque description de l'opération (décrivez le fonctionnement de la plateforme (locaux, moyens humains et matériels mis à disposition)) ; programme d'action annuel (rédigez le programme d'action de l'année 2026). Complétez la section « Demande annuelle (art. 5) ».",
    );
    expect(Object.keys(annualRequestFieldErrors(items))).toEqual(["annualRequest.DESCRIPTION", "annualRequest.ACTION_PROGRAMME"]);
  });

  it("art. 4.1 : le plan de financement nomme la demande à la Région ET la part du territoire", () => {
    const noTerritory = annualRequestChecklist({ ...COMPLETE, territoryCofundingCents: 0 }).find((i) => i.element === "FINANCING_PLAN")!;
    expect(noTerritory).toMatchObject({ met: false, missing: "indiquez le cofinancement du territoire" });
    const nothing = annualRequestChecklist({ ...COMPLETE, requestedCents: 0, territoryCofundingCents: 0 }).find((i) => i.element === "FINANCING_PLAN")!;
    expect(nothing.missing).toBe("indiquez le montant demandé à la Région et le cofinancement du territoire");
  });

  it("art. 5 : un budget détaillé a au moins une ligne chiffrée", () => {
    expect(annualRequestChecklist({ ...COMPLETE, lines: [] }).find((i) => i.element === "DETAILED_BUDGET")!.met).toBe(false);
    expect(annualRequestChecklist({ ...COMPLETE, lines: [{ forecastCents: 0 }] }).find((i) => i.element === "DETAILED_BUDGET")!.met).toBe(false);
  });

  it("art. 4.1 « bilan de l'année précédente » : le rapport annuel N−1 rédigé ou un bilan joint suffit", () => {
    const without = annualRequestChecklist({ ...COMPLETE, previousBilan: { annualReportWritten: false, documents: 0 } }).find((i) => i.element === "PREVIOUS_BILAN")!;
    expect(without).toMatchObject({ met: false, missing: "joignez le bilan d'activité 2025 ou rédigez le bilan qualitatif du rapport annuel 2025" });
    expect(annualRequestChecklist({ ...COMPLETE, previousBilan: { annualReportWritten: false, documents: 1 } }).every((i) => i.met)).toBe(true);
  });
});

describe("versement subordonné au bilan d'activité — cadre d'intervention §5", () => {
  const region = { funder: "REGION" as const, rules: REGION_FRAMEWORK_V1 };

  it("le jeu de règles Région l'exige (valeur par défaut pour les versions antérieures), jamais France Travail", () => {
    expect(activityBilanRequired(region)).toBe(true);
    expect(activityBilanRequired({ funder: "FRANCE_TRAVAIL", rules: FRANCE_TRAVAIL_V1 })).toBe(false);
    const { paymentRequiresActivityBilan: _drop, ...older } = REGION_FRAMEWORK_V1;
    expect(regionFrameworkSchema.parse(older).paymentRequiresActivityBilan).toBe(true);
    expect(activityBilanRequired({ funder: "REGION", rules: { ...REGION_FRAMEWORK_V1, paymentRequiresActivityBilan: false } })).toBe(false);
  });

  it("manque tant qu'il n'est pas reçu", () => {
    expect(activityBilanMissing({ required: true, receivedAt: null })).toBe(true);
    expect(activityBilanMissing({ required: true, receivedAt: new Date("2026-05-01") })).toBe(false);
    expect(activityBilanMissing({ required: false, receivedAt: null })).toBe(false);
  });

  it("chaque tranche Région attend le bilan d'activité avant ses justificatifs", () => {
    const docs = withActivityBilan(requiredDocuments(REGION_FRAMEWORK_V1.tranches![0]!), true);
    expect(docs).toEqual(["ACTIVITY_BILAN", "RECEIPTS"]);
    expect(withActivityBilan(docs, true)).toEqual(docs);
    expect(withActivityBilan(["RECEIPTS"], false)).toEqual(["RECEIPTS"]);
    const conditions = trancheConditions(docs, { documentDates: { activityBilanReceivedAt: null }, receiptCount: 2 });
    expect(conditions.map((c) => [c.label, c.met])).toEqual([["Bilan d'activité de la plateforme", false], ["Justificatifs joints à la tranche", true]]);
    const received = trancheConditions(docs, { documentDates: { activityBilanReceivedAt: new Date("2026-05-01") }, receiptCount: 2 });
    expect(received.every((c) => c.met)).toBe(true);
  });

  it("un versement sans bilan (hors tranche ou tranche réglée) demande confirmation ; une tranche non remplie liste ses pièces", () => {
    expect(paymentWaitsFor([], false)).toBeNull();
    expect(paymentWaitsFor([], true)).toMatch(/^Le bilan d'activité de la plateforme n'est pas reçu : « Le paiement de la subvention se fera sur présentation d'un bilan d'activité de la plateforme » \(cadre d'intervention §5\)\. Pour verser quand même/);
    expect(paymentWaitsFor(["bilan d'activité de la plateforme", "justificatifs joints à la tranche"], true)).toBe(
      "Les conditions de cette tranche ne sont pas remplies (bilan d'activité de la plateforme, justificatifs joints à la tranche). Pour verser quand même, confirmez et indiquez le motif.",
    );
  });

  it("le motif d'un versement forcé compte au moins 10 caractères", () => {
    expect(overrideReasonRefusal(undefined)).toMatch(/10 caractères au moins/);
    expect(overrideReasonRefusal("  Courrier  ")).toMatch(/10 caractères au moins/);
    expect(overrideReasonRefusal("Bilan reçu par courrier")).toBeNull();
  });
});
