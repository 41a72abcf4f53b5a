import { formatCents } from "@/lib/format";
import type { Computation } from "@/lib/subsidy/subsidy.rules";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";

/** The computed amount, step by step in plain French, and the warnings that go with it. */
export function AmountExplanation({ computation, title }: { computation: Computation; title: string }) {
  return (
    <Card as="section" aria-labelledby="explanation-title" className="flex flex-col gap-3">
      <h2 id="explanation-title" className="text-lg font-semibold">{title}</h2>
      <ol className="list-decimal space-y-1 pl-6" data-testid="amount-explanation">
        {computation.steps.map((s) => (
          <li key={s.label}>{s.text}</li>
        ))}
      </ol>
      <p className="font-semibold">
        Montant calculé : <span data-testid="computed-amount">{formatCents(computation.grantCents)}</span>
      </p>
      {computation.warnings.length > 0 ? (
        <div className="rounded border border-warning bg-amber-50 p-3" role="group" aria-labelledby="warnings-title">
          <h3 id="warnings-title" className="font-semibold text-warning">
            <Icon name="alert" className="mr-1 inline-block align-[-2px]" />Points d&apos;attention ({computation.warnings.length})
          </h3>
          <ul className="list-disc pl-6 text-sm" data-testid="amount-warnings">
            {computation.warnings.map((w, i) => (
              <li key={`${w.code}-${i}`}>{w.message}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-muted">Aucun point d&apos;attention sur ce budget.</p>
      )}
    </Card>
  );
}
