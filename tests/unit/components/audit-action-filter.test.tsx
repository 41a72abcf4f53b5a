// @vitest-environment jsdom
// Issue 14 §2 — the DPO's « Action » filter of the audit log: a combobox of French labels (no long
// grouped <select>, no raw code), searched by words and used with the keyboard only; the chosen
// code travels as `action` in the search form.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { AuditActionFilter } from "@/components/audit/audit-action-filter";
import { AUDIT_ACTION_GROUPS, auditActionOption, auditActionOptions } from "@/lib/audit/audit-labels";

afterEach(cleanup);

function form(value?: string) {
  render(
    <form data-testid="f">
      <AuditActionFilter value={value} />
    </form>,
  );
  return {
    input: screen.getByRole("combobox", { name: /^Action/ }) as HTMLInputElement,
    action: () => ((screen.getByTestId("f") as HTMLFormElement).elements.namedItem("action") as HTMLInputElement).value,
  };
}

describe("filtre « Action » du journal d'audit", () => {
  it("propose chaque action une fois, en français, avec son domaine", () => {
    const options = auditActionOptions();
    expect(options).toHaveLength(AUDIT_ACTION_GROUPS.reduce((n, g) => n + Object.keys(g.actions).length, 0));
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    expect(options.find((o) => o.value === "jobSeeker.read")).toEqual({ value: "jobSeeker.read", label: "Consultation d'une fiche demandeur", description: "Demandeurs d'emploi" });
    for (const o of options) expect(o.label).not.toMatch(/^[a-zA-Z]+\.[a-zA-Z.]+$/);
  });

  it("au clavier : un mot filtre, les flèches déplacent, Entrée choisit ; le code part dans le formulaire", async () => {
    const user = userEvent.setup();
    const { input, action } = form();
    await user.tab();
    expect(document.activeElement).toBe(input);
    await user.keyboard("échec connexion");
    const labels = screen.getAllByRole("option").map((o) => o.firstChild?.textContent);
    expect(labels).toContain("Échec de connexion");
    expect(labels).not.toContain("Connexion réussie");
    expect(screen.getByRole("listbox").textContent).not.toContain("auth.");
    expect(screen.getByRole("status").textContent).toMatch(/^\d+ résultats?/);
    const wanted = screen.getAllByRole("option").findIndex((o) => o.firstChild?.textContent === "Échec de connexion");
    for (let i = 0; i <= wanted; i++) await user.keyboard("{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBe(screen.getAllByRole("option")[wanted]!.id);
    await user.keyboard("{Enter}");
    expect(input.value).toBe("Échec de connexion");
    expect(action()).toBe("auth.login.failed");
  });

  it("montre le filtre en cours par son libellé ; un début de code tapé dans l'adresse reste lisible", () => {
    const { input, action } = form("jobSeeker.read");
    expect(input.value).toBe("Consultation d'une fiche demandeur");
    expect(action()).toBe("jobSeeker.read");
    expect(auditActionOption("subsidyFile.")).toEqual({ value: "subsidyFile.", label: "Codes commençant par « subsidyFile. »" });
    expect(auditActionOption("")).toBeNull();
  });
});
