"use client";
// Sorting when the table's rows are stacked cards (a phone, below 640 px: the header row with its
// sort links is then for screen readers only): one « Trier par » select whose options are each
// sortable column in both directions (« Raison sociale (croissant) », « … (décroissant) ») and a
// « Trier » button, on one row at 390 px (two selects — column, then direction — took two rows and
// up to two picks). The sort itself stays on the server: `onSort` receives "field" or "-field"
// (descending), like the header links. No sort on change: a select that navigates while the
// keyboard walks its options changes the context on input (WCAG 3.2.2).
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";

export interface SortColumn {
  id: string;
  label: string;
}

/** The select's options: every column ascending then descending, valued like the URL's `sort`. */
export function sortOptions(columns: readonly SortColumn[]): { value: string; label: string }[] {
  return columns.flatMap((c) => [
    { value: c.id, label: `${c.label} (croissant)` },
    { value: `-${c.id}`, label: `${c.label} (décroissant)` },
  ]);
}

export function SortControl({ caption, columns, sort, onSort, className }: { caption: string; columns: readonly SortColumn[]; sort?: string; onSort: (sort: string) => void; className?: string }) {
  const uid = useId();
  const choices = sortOptions(columns);
  const [value, setValue] = useState(choices.some((c) => c.value === sort) ? sort! : (choices[0]?.value ?? ""));
  if (columns.length === 0) return null;
  function submit(e: FormEvent) {
    e.preventDefault();
    onSort(value);
  }
  return (
    <form onSubmit={submit} aria-label={`Trier : ${caption}`} className={cn("flex items-end gap-2", className)}>
      <SelectField label="Trier par" name="sort" id={`${uid}-sort`} options={choices} placeholder={null} value={value} onChange={(e) => setValue(e.target.value)} wrapperClassName="min-w-0 flex-1" />
      <Button type="submit" variant="secondary">Trier</Button>
    </form>
  );
}
