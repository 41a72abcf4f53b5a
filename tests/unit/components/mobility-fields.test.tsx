// @vitest-environment jsdom
// Issue 14 §2 — a job seeker's mobility perimeter is picked in words (no raw INSEE / SIREN /
// department codes typed): the scope first, then its places from a combobox; the codes travel in
// `mobilityCodes`, comma-joined, and a change of scope empties them.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { MobilityFields } from "@/components/job-seekers/mobility-fields";

afterEach(cleanup);

const CHOICES = {
  EPCI: [{ value: "246200364", label: "CA de Lens-Liévin", description: "Intercommunalité" }, { value: "200043834", label: "CA du Boulonnais", description: "Intercommunalité" }],
  DEPARTEMENT: [{ value: "59", label: "Nord (59)" }, { value: "62", label: "Pas-de-Calais (62)" }],
  REGION: [{ value: "32", label: "Hauts-de-France" }],
};

function form(props: Partial<Parameters<typeof MobilityFields>[0]> = {}) {
  render(
    <form data-testid="f">
      <MobilityFields scope={null} areas={[]} choices={CHOICES} errors={{}} {...props} />
    </form>,
  );
  return () => ((screen.getByTestId("f") as HTMLFormElement).elements.namedItem("mobilityCodes") as HTMLInputElement).value;
}

describe("périmètre de mobilité en clair", () => {
  it("montre les lieux enregistrés par leur nom, jamais par leur code", () => {
    const codes = form({ scope: "EPCI", areas: [{ value: "246200364", label: "CA de Lens-Liévin" }] });
    expect(screen.getByRole("list", { name: "Intercommunalités du périmètre : choix" }).textContent).toContain("CA de Lens-Liévin");
    expect(screen.getByRole("button", { name: "Retirer CA de Lens-Liévin" })).toBeTruthy();
    expect(codes()).toBe("246200364");
    expect(document.body.textContent).not.toContain("246200364");
  });

  it("au clavier : le périmètre puis un mot ; changer de périmètre vide les lieux", async () => {
    const user = userEvent.setup();
    const codes = form();
    expect(screen.queryByRole("combobox", { name: /du périmètre/ })).toBeNull();
    expect(codes()).toBe("");
    await user.selectOptions(screen.getByRole("combobox", { name: "Périmètre de mobilité" }), "DEPARTEMENT");
    const places = screen.getByRole("combobox", { name: "Départements du périmètre" });
    await user.click(places);
    await user.keyboard("pas{Enter}");
    expect(screen.getByRole("button", { name: "Retirer Pas-de-Calais (62)" })).toBeTruthy();
    await user.keyboard("nord{Enter}");
    expect(codes()).toBe("62,59");
    await user.selectOptions(screen.getByRole("combobox", { name: "Périmètre de mobilité" }), "REGION");
    expect(codes()).toBe("");
    await user.click(screen.getByRole("combobox", { name: "Région du périmètre" }));
    await user.keyboard("hauts{Enter}");
    expect(codes()).toBe("32");
  });
});
