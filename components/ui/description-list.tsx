// Label / value pairs of a record (« SIRET », « Commune »…). Two columns from 640 px, stacked on a
// phone. An empty value shows « — » so a missing field is visible, not a hole.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface DescriptionItem {
  term: ReactNode;
  value: ReactNode;
  /** Spans both columns (long text). */
  wide?: boolean;
}

export function DescriptionList({ items, className, columns = 2 }: { items: DescriptionItem[]; className?: string; columns?: 1 | 2 | 3 }) {
  return (
    <dl className={cn("grid grid-cols-1 gap-x-6 gap-y-3", columns === 2 && "sm:grid-cols-2", columns === 3 && "sm:grid-cols-2 lg:grid-cols-3", className)}>
      {items.map((it, i) => (
        <div key={i} className={cn("flex min-w-0 flex-col", it.wide && "sm:col-span-full")}>
          <dt className="text-sm text-muted">{it.term}</dt>
          <dd className="font-medium break-words">{it.value === null || it.value === undefined || it.value === "" ? "—" : it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
