// @vitest-environment jsdom
// Issue 14 §5 — sorting on a phone, where table rows are stacked cards and the header's sort links
// are hidden: one select of the sortable columns in both directions and a button, keyboard usable.
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { SortControl } from "@/components/data-table/sort-control";

afterEach(cleanup);

const COLUMNS = [
  { id: "name", label: "Raison sociale" },
  { id: "city", label: "Commune" },
  { id: "lastContact", label: "Dernier contact" },
];

describe("SortControl (tri sur téléphone)", () => {
  it("montre le tri en cours et propose, dans une seule liste, chaque colonne triable dans les deux sens", () => {
    render(<SortControl caption="Entreprises" columns={COLUMNS} sort="-city" onSort={() => undefined} />);
    const form = screen.getByRole("form", { name: "Trier : Entreprises" });
    const select = screen.getByRole("combobox", { name: "Trier par" }) as HTMLSelectElement;
    expect(form.contains(select)).toBe(true);
    expect(screen.getAllByRole("combobox")).toHaveLength(1);
    expect([...select.options].map((o) => o.textContent)).toEqual([
      "Raison sociale (croissant)", "Raison sociale (décroissant)", "Commune (croissant)", "Commune (décroissant)", "Dernier contact (croissant)", "Dernier contact (décroissant)",
    ]);
    expect([...select.options].map((o) => o.value)).toEqual(["name", "-name", "city", "-city", "lastContact", "-lastContact"]);
    expect(select.value).toBe("-city");
  });

  it("au clavier seul : un choix, puis « Trier » demande le tri serveur (« -champ » décroissant) ; changer la liste ne trie pas", async () => {
    const user = userEvent.setup();
    const asked: string[] = [];
    render(<SortControl caption="Entreprises" columns={COLUMNS} sort="name" onSort={(s) => asked.push(s)} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Trier par" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Trier par" }), "Dernier contact (décroissant)");
    expect(asked).toEqual([]);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Trier" }));
    await user.keyboard("{Enter}");
    expect(asked).toEqual(["-lastContact"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Trier par" }), "lastContact");
    await user.click(screen.getByRole("button", { name: "Trier" }));
    expect(asked).toEqual(["-lastContact", "lastContact"]);
  });

  it("sans tri connu, la première colonne en ordre croissant ; rien sans colonne triable", () => {
    const { unmount } = render(<SortControl caption="Visites" columns={COLUMNS} sort="inconnu" onSort={() => undefined} />);
    expect((screen.getByRole("combobox", { name: "Trier par" }) as HTMLSelectElement).value).toBe("name");
    unmount();
    const { container } = render(<SortControl caption="Visites" columns={[]} onSort={() => undefined} />);
    expect(container.innerHTML).toBe("");
  });
});
