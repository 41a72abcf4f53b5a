// @vitest-environment jsdom
// The list table (issue 18: rendered without tanstack's table model). What every list relies on:
// column headers with the sort state for assistive technology, sort links to the server's order,
// each cell labelled with its column for the phone's card layout, `cell` functions reading
// `row.original`, plain values from `accessorKey` / `accessorFn`, the empty message.
import { cleanup, render, screen, within } from "@testing-library/react";
import type { ColumnDef } from "@tanstack/react-table";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataTable } from "@/components/data-table/data-table";

vi.mock("next/navigation", () => ({
  usePathname: () => "/entreprises",
  useSearchParams: () => new URLSearchParams("q=acme&page=3"),
  useRouter: () => ({ push: () => undefined }),
}));

afterEach(cleanup);

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
});
