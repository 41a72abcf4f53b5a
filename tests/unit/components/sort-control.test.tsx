// @vitest-environment jsdom
// Issue 14 §5 — sorting on a phone, where table rows are stacked cards and the header's sort links
// are hidden: the sort control lists the sortable columns and the direction, keyboard usable.
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
  it("montre le tri en cours, propose les seules colonnes triables et les deux sens", () => {
    render(<SortControl caption="Entreprises" columns={COLUMNS} sort="-city" onSort={() => undefined} />);
    const form = screen.getByRole("form", { name: "Trier : Entreprises" });
    const column = screen.getByRole("combobox", { name: "Trier par" }) as HTMLSelectElement;
    const order = screen.getByRole("combobox", { name: "Ordre" }) as HTMLSelectElement;
    expect(form.contains(column)).toBe(true);
    expect([...column.options].map((o) => o.textContent)).toEqual(["Raison sociale", "Commune", "Dernier contact"]);
    expect(column.value).toBe("city");
    expect(order.value).toBe("desc");
    expect([...order.options].map((o) => o.value)).toEqual(["asc", "desc"]);
  });

  it("au clavier seul : colonne et sens choisis, « Trier » demande le tri serveur (« -champ » décroissant)", async () => {
    const user = userEvent.setup();
    const asked: string[] = [];
    render(<SortControl caption="Entreprises" columns={COLUMNS} sort="name" onSort={(s) => asked.push(s)} />);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Trier par" }));
    await user.selectOptions(screen.getByRole("combobox", { name: "Trier par" }), "Dernier contact");
    await user.tab();
    await user.selectOptions(screen.getByRole("combobox", { name: "Ordre" }), "desc");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Trier" }));
    await user.keyboard("{Enter}");
    expect(asked).toEqual(["-lastContact"]);
    await user.selectOptions(screen.getByRole("combobox", { name: "Ordre" }), "asc");
    await user.click(screen.getByRole("button", { name: "Trier" }));
    expect(asked).toEqual(["-lastContact", "lastContact"]);
  });

  it("sans tri connu, la première colonne en ordre croissant ; rien sans colonne triable", () => {
    const { unmount } = render(<SortControl caption="Visites" columns={COLUMNS} sort="inconnu" onSort={() => undefined} />);
    expect((screen.getByRole("combobox", { name: "Trier par" }) as HTMLSelectElement).value).toBe("name");
    expect((screen.getByRole("combobox", { name: "Ordre" }) as HTMLSelectElement).value).toBe("asc");
    unmount();
    const { container } = render(<SortControl caption="Visites" columns={[]} onSort={() => undefined} />);
    expect(container.innerHTML).toBe("");
  });
});
