// Download links of a page's data (XLSX, CSV…) shown as small buttons next to its title, plus an
// optional print/PDF button. Each link names what it downloads for screen readers.
import type { ReactNode } from "react";

export function ExportLinks({ links, what, children }: { links: readonly { href: string; label: string }[]; what: string; children?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="export-links">
      {links.map((l) => (
        <a key={l.href} href={l.href} className="inline-flex items-center rounded border border-brand-600 bg-white px-3 py-1.5 text-sm font-semibold text-brand-700 hover:bg-brand-50">
          {l.label}<span className="sr-only"> : {what}</span>
        </a>
      ))}
      {children}
    </div>
  );
}
