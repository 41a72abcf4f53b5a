// A headline figure: its label, its value in large type, then short lines of context (changes,
// status) and an optional sparkline. Use for the few numbers a screen must answer at a glance.
import type { ReactNode } from "react";

export function StatCard({ label, value, unit, aside, children, testId }: { label: string; value: ReactNode; unit?: string; aside?: ReactNode; children?: ReactNode; testId?: string }) {
  return (
    <div className="flex h-full flex-col gap-1 rounded-lg border border-gray-300 bg-white p-3" data-testid={testId}>
      <p className="text-sm leading-tight text-muted">{label}</p>
      <div className="flex items-end justify-between gap-2">
        {/* A smaller figure on a phone: « 100 000,00 € » (no-break spaces) fits half of a 390 px screen. */}
        <p className="min-w-0 text-xl font-bold tabular-nums leading-none sm:text-2xl">
          {value}
          {unit ? <span className="sr-only"> {unit}</span> : null}
        </p>
        {aside}
      </div>
      {children ? <div className="flex flex-col gap-0.5 text-xs">{children}</div> : null}
    </div>
  );
}
