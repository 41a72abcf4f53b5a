// @vitest-environment jsdom
// Issue 14 §2/§4 — several picks (the ROME codes a job seeker looks for) with the keyboard only,
// the values sent comma-joined in one field; and PickField: a <select> up to 20 options, a
// combobox beyond (no long drop-down).
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ComboOption } from "@/components/ui/combobox";
import { MultiCombobox } from "@/components/ui/multi-combobox";
import { PICK_LIST_MAX, PickField } from "@/components/ui/pick-field";

afterEach(cleanup);
// Typing with user-event in jsdom is slow on the loaded 2-core machine: generous time, speed is not what is tested.
vi.setConfig({ testTimeout: 30_000 });

const ROME: ComboOption[] = [
  { value: "H2913", label: "H2913 — Soudage manuel" },
  { value: "N1103", label: "N1103 — Magasinage et préparation de commandes" },
  { value: "K2204", label: "K2204 — Nettoyage de locaux" },
];

describe("MultiCombobox", () => {
  it("ajoute au clavier, vide le champ après chaque choix, retire par bouton, envoie les codes séparés par des virgules", async () => {
    const user = userEvent.setup();
    render(
      <form data-testid="f">
        <MultiCombobox label="Métiers recherchés" name="desiredRomeCodes" options={ROME} defaultValue={[ROME[2]!]} />
      </form>,
    );
    const sent = () => new FormData(screen.getByTestId("f") as HTMLFormElement).get("desiredRomeCodes");
    const input = screen.getByRole("combobox", { name: "Métiers recherchés" });
    expect(sent()).toBe("K2204");
    await user.click(input);
    await user.keyboard("soudage{Enter}");
    expect(input).toHaveProperty("value", "");
    await user.keyboard("magasin{Enter}");
    expect(sent()).toBe("K2204,H2913,N1103");
    // The same code twice is kept once.
    await user.keyboard("soudage{Enter}");
    expect(sent()).toBe("K2204,H2913,N1103");
    const chosen = screen.getByRole("list", { name: "Métiers recherchés : choix" });
    expect(within(chosen).getAllByRole("listitem")).toHaveLength(3);
    await user.click(screen.getByRole("button", { name: "Retirer K2204 — Nettoyage de locaux" }));
    expect(sent()).toBe("H2913,N1103");
    // The picker itself sends nothing of its own (no stray field in the form).
    expect([...new FormData(screen.getByTestId("f") as HTMLFormElement).keys()]).toEqual(["desiredRomeCodes"]);
  });
});

describe("PickField", () => {
  const many = (n: number): ComboOption[] => Array.from({ length: n }, (_, i) => ({ value: `v${i}`, label: `Choix ${i}`, description: i % 2 ? "Lens" : "Liévin" }));
  it(`jusqu'à ${PICK_LIST_MAX} options : une liste déroulante (avec la description pour distinguer)`, () => {
    render(<PickField label="Offre ouverte" name="offerId" options={many(PICK_LIST_MAX)} />);
    const select = screen.getByRole("combobox", { name: "Offre ouverte" });
    expect(select.tagName).toBe("SELECT");
    expect(within(select).getAllByRole("option")).toHaveLength(PICK_LIST_MAX + 1);
    expect(within(select).getByRole("option", { name: "Choix 1 — Lens" })).toBeTruthy();
  });
  it("au-delà : une liste à saisie filtrée au clavier", async () => {
    const user = userEvent.setup();
    render(
      <form data-testid="f">
        <PickField label="Offre ouverte" name="offerId" options={many(PICK_LIST_MAX + 1)} />
      </form>,
    );
    const input = screen.getByRole("combobox", { name: "Offre ouverte" });
    expect(input.tagName).toBe("INPUT");
    await user.click(input);
    await user.keyboard("choix 13{Enter}");
    expect(new FormData(screen.getByTestId("f") as HTMLFormElement).get("offerId")).toBe("v13");
  });
});
