import { describe, expect, it } from "vitest";
import { fileStory, nextStep, nextTrancheDeadline } from "@/lib/subsidy/subsidy-summary.rules";

describe("synthèse d'un dossier de subvention", () => {
  it("dit la prochaine étape et qui la fait", () => {
    expect(nextStep("SUBMITTED", "REGION")).toEqual({ text: "Prendre la demande en instruction", who: "la Région (finances)" });
    expect(nextStep("RETURNED", "FRANCE_TRAVAIL").who).toBe("la plateforme");
    expect(nextStep("CLOSED", "REGION").who).toBeNull();
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
