// The filter form of a list: a plain GET form (the filters live in the URL, a filtered list can be
// bookmarked, and it works without JavaScript). The free-text search, when the list has one, stays
// in view with the submit button; the other filters fold behind one « Filtres (n) » toggle below
// 1024 px, so that on a phone the first rows of the list are on the first screen. From 1024 px the
// toggle is hidden and the filters are always shown, inline as before (app/globals.css,
// `.filter-panel`; a browser without ::details-content keeps the toggle there too).
//
// Why 1024 px and not 640 or 768: a phone held sideways is 667–932 px wide but only ~390 px high,
// and a tablet's window is often split; an open filter form of 2–3 rows would fill those screens.
// Laptops (≥ 1024 px) have room to keep every filter in sight.
//
// The toggle is a native <details>/<summary>: keyboard (Enter, Space) and screen readers (« réduit /
// développé ») without any client JavaScript, the fields stay in the DOM and in the submitted form.
// No client component: the list pages stay server-rendered (issue 18).
import type { InputHTMLAttributes, ReactNode } from "react";
import { buttonVariants, Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";
import { textLinkClass } from "@/components/ui/text-link";

/** The free-text search of a list (« q »): always visible, even on a phone. */
export interface FilterSearch {
  label: string;
  name?: string;
  id?: string;
  defaultValue?: string | null;
  hint?: string;
  type?: "text" | "search" | "email";
  /** Width from 1024 px (the field takes the whole row below). */
  className?: string;
}

/**
 * The look of a filter's control. Not `controlClass` (components/ui/field.tsx): the form fields there
 * take the whole width of their column, a filter keeps the width of its content in a wrapping row.
 */
const filterControl = "rounded border border-gray-400 bg-white px-3 py-2";

const isSet = (v: unknown) => v !== undefined && v !== null && v !== "" && v !== false;

/**
 * How many filters restrict the list: the values that are set (not empty, not `false`) and differ
 * from the page's default (`defaults`, e.g. `{ when: "all" }` when « all » is what an empty filter
 * shows). The free-text search is not counted: it is always in sight.
 */
export function activeFilterCount(values: Record<string, unknown>, defaults: Record<string, unknown> = {}): number {
  return Object.entries(values).filter(([k, v]) => isSet(v) && String(v) !== String(defaults[k] ?? "")).length;
}

/** A filter's label, above its control (the label's `for` is the control's id). */
function FilterLabelled({ id, label, className, children }: { id: string; label: string; className?: string; children: ReactNode }) {
  return (
    <div className={cn("flex flex-col", className)}>
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      {children}
    </div>
  );
}

export interface FilterOption {
  value: string | number;
  label: string;
}

/** « Oui » / « Non » of a yes/no filter (the values the list schemas parse). */
export const yesNoOptions: readonly FilterOption[] = [
  { value: "true", label: "Oui" },
  { value: "false", label: "Non" },
];

/**
 * A select of a filter form: a plain uncontrolled field of the GET form (not react-hook-form's
 * `SelectField`), server-rendered, preselected from the URL.
 */
export function FilterSelect({
  id,
  name,
  label,
  defaultValue,
  options,
  all,
  className,
}: {
  id: string;
  name: string;
  label: string;
  /** The value in the URL; nothing selects the « all » option. */
  defaultValue?: string | number | null;
  options: readonly FilterOption[];
  /**
   * Label of the first option, value "" (no filter): « Tous », « Toutes », « Indifférent ». `null`
   * when every choice is one of `options` (a list that always has a value).
   */
  all: string | null;
  className?: string;
}) {
  return (
    <FilterLabelled id={id} label={label}>
      <select id={id} name={name} defaultValue={defaultValue == null ? "" : String(defaultValue)} className={cn(filterControl, className)}>
        {all === null ? null : <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FilterLabelled>
  );
}

/** A text-like field of a filter form (e-mail, date, number…), label above. */
export function FilterField({ id, name, label, defaultValue, className, ...props }: Omit<InputHTMLAttributes<HTMLInputElement>, "defaultValue"> & { id: string; name: string; label: string; defaultValue?: string | number | null }) {
  return (
    <FilterLabelled id={id} label={label}>
      <input id={id} name={name} defaultValue={defaultValue ?? ""} className={cn(filterControl, className)} {...props} />
    </FilterLabelled>
  );
}

/** A box of a filter form (« Mes visites seulement »): sends `name=value` when ticked, nothing otherwise. */
export function FilterCheckbox({ id, name, label, value = "true", defaultChecked }: { id: string; name: string; label: string; value?: string; defaultChecked?: boolean }) {
  return (
    <label htmlFor={id} className="flex items-center gap-2 py-2 text-sm">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={defaultChecked} className="h-5 w-5" />
      {label}
    </label>
  );
}

export function FilterForm({
  label,
  search,
  active = 0,
  clearHref,
  submitLabel = "Filtrer",
  className,
  children,
}: {
  /** The form's accessible name (« Filtrer les visites »). */
  label: string;
  search?: FilterSearch;
  /** Number of filters set behind the toggle (`activeFilterCount`). */
  active?: number;
  /** Where « Effacer les filtres » leads (the list without filters); shown when something is set. */
  clearHref?: string;
  submitLabel?: string;
  className?: string;
  /** The other filters (selects, checkboxes, comboboxes), folded on a phone. */
  children?: ReactNode;
}) {
  const searchId = search?.id ?? "f-q";
  const submit = <Button type="submit">{submitLabel}</Button>;
  return (
    <form role="search" aria-label={label} className={cn("flex flex-wrap items-end gap-3", className)}>
      {search ? (
        <FilterLabelled id={searchId} label={search.label} className="w-full lg:w-auto">
          <input
            id={searchId}
            name={search.name ?? "q"}
            type={search.type ?? "text"}
            defaultValue={search.defaultValue ?? ""}
            aria-describedby={search.hint ? `${searchId}-hint` : undefined}
            className={cn(filterControl, "w-full lg:w-72", search.className)}
          />
          {search.hint ? <span id={`${searchId}-hint`} className="text-xs text-muted">{search.hint}</span> : null}
        </FilterLabelled>
      ) : null}
      {children ? (
        <details className="filter-panel group min-w-0 open:basis-full" data-testid="filter-panel">
          <summary className={cn(buttonVariants({ variant: active > 0 ? "secondary" : "outline" }), "cursor-pointer list-none [&::-webkit-details-marker]:hidden")}>
            Filtres{active > 0 ? ` (${active})` : ""}
            <Icon name="chevronDown" className="transition-transform group-open:rotate-180" />
          </summary>
          <div className="filter-panel-fields mt-3 flex flex-wrap items-end gap-3">
            {children}
            {/* Without a search field, the button belongs to the filters (nothing else to send). */}
            {search ? null : submit}
          </div>
        </details>
      ) : null}
      {search || !children ? submit : null}
      {clearHref && (active > 0 || search?.defaultValue) ? (
        // A plain link, like the form's own GET: the new page mounts fresh fields (a client-side
        // navigation would keep the old values in these uncontrolled fields).
        <a href={clearHref} className={cn(textLinkClass, "px-2 py-2 text-sm")}>Effacer les filtres</a>
      ) : null}
    </form>
  );
}
