import { describe, expect, it } from "vitest";
import { fileStory, nextStep, nextTrancheDeadline } from "@/lib/subsidy/subsidy-summary.rules";

describe("synthèse d'un dossier de subvention", () => {
  it("dit la prochaine étape et qui la fait", () => {
    expect(nextStep("SUBMITTED", "REGION")).toEqual({ text: "Prendre la demande en instruction", who: "la Région (finances)" });
    expect(nextStep("RETURNED", "FRANCE_TRAVAIL").who).toBe("la plateforme");
    expect(nextStep("CLOSED", "REGION").who).toBeNull();
  });

  it("dossier Région en brouillon : renvoie à la section « Demande annuelle (art. 5) » avec ce qui manque, et au bilan d'activité avant tout versement", () => {
    const bilan = { required: true, missing: true };
    const draft = nextStep("DRAFT", "REGION", { annualRequest: { missing: ["Programme d'action annuel", "Budget détaillé"] }, activityBilan: bilan });
    expect(draft).toMatchObject({ who: "la plateforme", anchor: "demande" });
    expect(draft.text).toContain("« Demande annuelle (art. 5) »");
    expect(draft.text).toContain("il manque : programme d'action annuel, budget détaillé");
    expect(draft.then).toMatch(/Avant tout versement, la Région \(finances\) enregistre la date de réception du bilan d'activité/);
    // Complete request: still named, no anchor needed; bilan already received: no reminder.
    const complete = nextStep("DRAFT", "REGION", { annualRequest: { missing: [] }, activityBilan: { required: true, missing: false } });
    expect(complete.text).toContain("« Demande annuelle (art. 5) » complète");
    expect(complete.then).toBeUndefined();
    // Rule set without the requirement: no reminder either.
    expect(nextStep("DRAFT", "REGION", { annualRequest: { missing: [] }, activityBilan: { required: false, missing: false } }).then).toBeUndefined();
    expect(nextStep("RETURNED", "REGION", { annualRequest: { missing: ["Budget détaillé"] }, activityBilan: bilan }).text).toMatch(/^Corriger la demande : compléter la section « Demande annuelle \(art. 5\) »/);
    // France Travail: no annual request, no activity bilan.
    expect(nextStep("DRAFT", "FRANCE_TRAVAIL", { annualRequest: null, activityBilan: { required: false, missing: false } })).toEqual({ text: "Compléter le budget et déposer la demande", who: "la plateforme" });
  });

  it("convention Région signée sans bilan d'activité reçu : la date de réception d'abord, les versements ensuite", () => {
    const signed = nextStep("SIGNED", "REGION", { annualRequest: { missing: [] }, activityBilan: { required: true, missing: true } });
    expect(signed).toMatchObject({ anchor: "echeances", who: "la plateforme, puis la Région (finances)" });
    expect(signed.text).toMatch(/bilan d'activité.*date de réception.*aucun versement avant/);
    expect(nextStep("AWARDED", "REGION", { annualRequest: { missing: [] }, activityBilan: { required: true, missing: true } }).then).toMatch(/Avant tout versement/);
    expect(nextStep("SIGNED", "REGION", { annualRequest: { missing: [] }, activityBilan: { required: true, missing: false } }).text).toMatch(/^Demander les tranches exigibles/);
  });

  it("raconte le dossier à partir des transitions et des versements, dans l'ordre du temps", () => {
    const story = fileStory(
      [{ at: "2026-03-01T09:00:00.000Z", title: "Enregistrer la signature", detail: null, actor: "A", isTransition: true },
        { at: "2026-01-10T09:00:00.000Z", title: "Déposer la demande", detail: "« ok »", actor: "B", isTransition: true }],
      [{ paidAt: "2026-04-02T00:00:00.000Z", amountText: "50 000,00 €", trancheRank: 1, reference: "V-1" }],
    );
    expect(story.map((s) => [s.kind, s.title])).toEqual([
      ["transition", "Déposer la demande"], ["transition", "Enregistrer la signature"], ["payment", "Versement de 50 000,00 € (tranche 1)"],
    ]);
  });

  it("prend la première échéance d'une tranche non versée", () => {
    expect(nextTrancheDeadline([
      { label: "Tranche 1", dueAt: "2026-02-01", status: "PAID" },
      { label: "Tranche 3", dueAt: "2026-12-01", status: "PLANNED" },
      { label: "Tranche 2", dueAt: "2026-06-01", status: "DUE" },
    ])).toEqual({ label: "Tranche 2", dueAt: "2026-06-01" });
    expect(nextTrancheDeadline([])).toBeNull();
  });
});
