// @vitest-environment jsdom
// The list table (issue 18: rendered without tanstack's table model). What every list relies on:
// column headers with the sort state for assistive technology, sort links to the server's order,
// each cell labelled with its column for the phone's card layout, `cell` functions reading
// `row.original`, plain values from `accessorKey` / `accessorFn`, the empty message.
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import type { ColumnDef } from "@tanstack/react-table";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataTable } from "@/components/data-table/data-table";

const push = vi.fn();
vi.mock("next/navigation", () => ({
  usePathname: () => "/entreprises",
  useSearchParams: () => new URLSearchParams("q=acme&page=3"),
  useRouter: () => ({ push }),
}));

afterEach(() => {
  cleanup();
  push.mockReset();
});

interface Row { id: string; name: string; city: string | null; count: number; platform: { name: string } }
const columns: ColumnDef<Row, unknown>[] = [
  { id: "name", header: "Raison sociale", enableSorting: true, cell: ({ row }) => <a href={`/entreprises/${row.original.id}`}>{row.original.name}</a> },
  { accessorKey: "city", header: "Commune", enableSorting: true },
  { id: "platform", header: "Plateforme", accessorFn: (r) => r.platform.name },
  { accessorKey: "count", header: "Offres" },
];
const rows: Row[] = [
  { id: "a1", name: "Acme", city: "Lens", count: 3, platform: { name: "Lens-Liévin" } },
  { id: "b2", name: "Bolt", city: null, count: 0, platform: { name: "Arras" } },
];

describe("DataTable", () => {
  it("headers with the sort state, sort links back to the first page, cells labelled for the phone layout", () => {
    render(<DataTable caption="Entreprises" columns={columns} data={rows} total={2} page={1} pageSize={50} sort="-city" />);
    const table = screen.getByRole("table", { name: "Entreprises" });
    const headers = within(table).getAllByRole("columnheader");
    expect(headers.map((h) => h.textContent)).toEqual(["Raison sociale ↕", "Commune ▼", "Plateforme", "Offres"]);
    expect(headers.map((h) => h.getAttribute("aria-sort"))).toEqual([null, "descending", null, null]);
    expect(within(headers[0]!).getByRole("link").getAttribute("href")).toBe("/entreprises?q=acme&sort=name");
    // Descending now: the link asks for ascending.
    expect(within(headers[1]!).getByRole("link").getAttribute("href")).toBe("/entreprises?q=acme&sort=city");
    const [, first, second] = within(table).getAllByRole("row");
    const cells = within(first!).getAllByRole("cell");
    expect(cells.map((c) => c.getAttribute("data-label"))).toEqual(["Raison sociale", "Commune", "Plateforme", "Offres"]);
    expect(cells.map((c) => c.textContent)).toEqual(["Acme", "Lens", "Lens-Liévin", "3"]);
    expect(within(cells[0]!).getByRole("link").getAttribute("href")).toBe("/entreprises/a1");
    // A missing value is an empty cell, a zero is shown.
    expect(within(second!).getAllByRole("cell").map((c) => c.textContent)).toEqual(["Bolt", "", "Arras", "0"]);
  });

  it("ascending sort: the header says so and its link asks for descending; no rows: the empty message", () => {
    render(<DataTable caption="Entreprises" columns={columns} data={[]} total={0} page={1} pageSize={50} sort="name" emptyMessage="Aucune entreprise." />);
    const header = screen.getByRole("columnheader", { name: /Raison sociale/ });
    expect(header.getAttribute("aria-sort")).toBe("ascending");
    expect(within(header).getByRole("link").getAttribute("href")).toBe("/entreprises?q=acme&sort=-name");
    const cell = screen.getByRole("cell");
    expect(cell.textContent).toBe("Aucune entreprise.");
    expect(cell.getAttribute("colspan")).toBe("4");
  });

  it("issue 18: rows and cells carry no class of their own (the table's CSS rules draw them); the empty row keeps its classes", () => {
    const { unmount } = render(<DataTable caption="Entreprises" columns={columns} data={rows} total={2} page={1} pageSize={50} />);
    const table = screen.getByRole("table", { name: "Entreprises" });
    expect(table.classList.contains("data-table")).toBe(true);
    expect(table.classList.contains("table-stack")).toBe(true);
    const bodyRows = within(table).getAllByRole("row").slice(1);
    expect(bodyRows).toHaveLength(2);
    for (const row of bodyRows) {
      expect(row.getAttribute("class")).toBeNull();
      expect(row.hasAttribute("data-empty")).toBe(false);
      for (const cell of within(row).getAllByRole("cell")) expect(cell.getAttribute("class")).toBeNull();
    }
    unmount();
    render(<DataTable caption="Entreprises" columns={columns} data={[]} total={0} page={1} pageSize={50} />);
    expect(screen.getByRole("cell").className).toBe("px-3 py-6 text-center text-muted");
    expect(screen.getByRole("cell").closest("tr")!.hasAttribute("data-empty")).toBe(true);
  });

  it("issue 18: a plain left click on a cell's link navigates in the app; new tab, target, download, other origin and handled clicks are the browser's", () => {
    const linkColumns: ColumnDef<Row, unknown>[] = [
      {
        id: "name",
        header: "Raison sociale",
        cell: ({ row }) => (
          <>
            <a href={`/entreprises/${row.original.id}?onglet=offres#x`}>{row.original.name}</a>
            <a href="/export.csv" download>fichier</a>
            <a href="/aide" target="_blank">aide</a>
            <a href="https://annuaire-entreprises.data.gouv.fr/">annuaire</a>
            <a href="/deja" onClick={(e) => e.preventDefault()}>déjà</a>
          </>
        ),
      },
    ];
    render(<DataTable caption="Entreprises" columns={linkColumns} data={rows} total={2} page={1} pageSize={50} />);
    const acme = screen.getByRole("link", { name: "Acme" });
    // Modifier keys and the middle button open a new tab or window: not intercepted.
    for (const init of [{ ctrlKey: true }, { metaKey: true }, { shiftKey: true }, { altKey: true }, { button: 1 }]) {
      expect(fireEvent.click(acme, init), JSON.stringify(init)).toBe(true);
    }
    expect(push).not.toHaveBeenCalled();
    for (const name of ["fichier", "aide", "annuaire", "déjà"]) fireEvent.click(screen.getAllByRole("link", { name })[0]!);
    expect(push).not.toHaveBeenCalled();
    // A plain click: default prevented (no page load), the app's router goes there, query and hash kept.
    expect(fireEvent.click(acme)).toBe(false);
    expect(push).toHaveBeenCalledExactlyOnceWith("/entreprises/a1?onglet=offres#x");
  });
});
