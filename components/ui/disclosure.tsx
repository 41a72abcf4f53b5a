// One disclosure (native <details>): the content stays in the page for screen readers and axe,
// folded until asked for. Use for data tables under charts and long secondary lists.
import type { ReactNode } from "react";

export function Disclosure({ summary, children, open = false, className = "", testId }: { summary: ReactNode; children: ReactNode; open?: boolean; className?: string; testId?: string }) {
  return (
    <details className={`group disclosure ${className}`} open={open} data-testid={testId}>
      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline-offset-2 hover:underline">{summary}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}
