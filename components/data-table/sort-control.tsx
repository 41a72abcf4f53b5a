"use client";
// Sorting when the table's rows are stacked cards (a phone, below 640 px: the header row with its
// sort links is then for screen readers only): a « Trier par » select of the sortable columns, an
// « Ordre » select and a « Trier » button. The sort itself stays on the server: `onSort` receives
// "field" or "-field" (descending), like the header links.
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export interface SortColumn {
  id: string;
  label: string;
}

export function SortControl({ caption, columns, sort, onSort, className }: { caption: string; columns: readonly SortColumn[]; sort?: string; onSort: (sort: string) => void; className?: string }) {
  const uid = useId();
  const current = sort ? sort.replace(/^-/, "") : "";
  const [column, setColumn] = useState(columns.some((c) => c.id === current) ? current : (columns[0]?.id ?? ""));
  const [order, setOrder] = useState<"asc" | "desc">(sort?.startsWith("-") ? "desc" : "asc");
  if (columns.length === 0) return null;
  function submit(e: FormEvent) {
    e.preventDefault();
    onSort(order === "desc" ? `-${column}` : column);
  }
  return (
    <form onSubmit={submit} aria-label={`Trier : ${caption}`} className={cn("flex flex-wrap items-end gap-2", className)}>
      <SelectField label="Trier par" name="sortColumn" id={`${uid}-column`} options={columns.map((c) => ({ value: c.id, label: c.label }))} placeholder={null} value={column} onChange={(e) => setColumn(e.target.value)} wrapperClassName="min-w-40 flex-1" />
      <SelectField
        label="Ordre"
        name="sortOrder"
        id={`${uid}-order`}
        options={[{ value: "asc", label: "Croissant" }, { value: "desc", label: "Décroissant" }]}
        placeholder={null}
        value={order}
        onChange={(e) => setOrder(e.target.value === "desc" ? "desc" : "asc")}
        wrapperClassName="min-w-40 flex-1"
      />
      <Button type="submit" variant="secondary">Trier</Button>
    </form>
  );
}
