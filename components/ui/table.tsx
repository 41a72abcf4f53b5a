// Tables. <TableScroll> is the box a wide table scrolls in, so that the page itself never scrolls
// sideways on a phone; it is focusable and named, so a keyboard user can scroll it too (axe
// « scrollable-region-focusable »). <Th>/<Td> carry the cell padding every table uses.
import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/components/ui/cn";

export function TableScroll({ label, className, children, bordered = true }: { label: string; className?: string; children: ReactNode; bordered?: boolean }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className={cn("max-w-full overflow-x-auto", bordered && "rounded-lg border border-gray-300 bg-white", className)}>
      {children}
    </div>
  );
}

/**
 * Rows as stacked cards on a phone (below 640 px): add `stackClass` to the <table> and give each
 * <td> its column's name in `data-label` (the DataTable does both). The table stays a table above.
 */
export const stackClass = "table-stack";

/** The table itself: full width, small text, left-aligned; `numeric` cells align right. */
export const tableClass = "w-full border-collapse text-left text-sm";

export function Th({ className, numeric, ...props }: ThHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <th scope="col" {...props} className={cn("bg-gray-100 px-3 py-2 font-semibold", numeric && "text-right", className)} />;
}

export function Td({ className, numeric, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { numeric?: boolean }) {
  return <td {...props} className={cn("border-t border-gray-200 px-3 py-2 align-top", numeric && "text-right tabular-nums", className)} />;
}

/**
 * A table whose rows become stacked cards below the `md` breakpoint (a phone at 390 px: attendance
 * taken on the day, issue 20). Explicit ARIA roles keep the table semantics when the display changes.
 */
export const stackOnPhone = {
  table: "max-md:block",
  thead: "max-md:sr-only",
  tbody: "max-md:flex max-md:flex-col max-md:gap-3",
  tr: "max-md:block max-md:rounded-lg max-md:border max-md:border-gray-300 max-md:p-2",
  td: "max-md:block max-md:px-1 max-md:py-1",
} as const;
