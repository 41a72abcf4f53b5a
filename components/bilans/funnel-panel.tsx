// The positioning funnel as plain bars (HTML, no chart library): each step a subset of the previous
// one, its count, its share of the first step, and the definition of each step written below.
import { fmt } from "@/components/bilans/bilan-tables";
import { Disclosure } from "@/components/ui/disclosure";
import type { FunnelValue } from "@/lib/bilans/funnel.rules";
import { Card } from "@/components/ui/card";

export function FunnelPanel({ steps, periodText }: { steps: FunnelValue[]; periodText: string }) {
  const first = steps[0]?.count ?? 0;
  return (
    <Card as="section" padding="sm" aria-labelledby="funnel-title" className="chart-card" data-testid="chart-funnel">
      <h3 id="funnel-title" className="text-base font-semibold">Des positionnements aux embauches</h3>
      <p className="text-xs text-muted">Positionnements sur offre faits {periodText}, suivis jusqu&apos;à leur état d&apos;aujourd&apos;hui.</p>
      <ol className="mt-2 flex flex-col gap-2" data-testid="funnel-steps">
        {steps.map((s) => (
          <li key={s.key} className="grid grid-cols-[10rem_1fr] items-center gap-2 text-sm">
            <span>{s.label}</span>
            <span className="flex items-center gap-2">
              <span aria-hidden="true" className="block h-5 rounded-sm bg-brand-600" style={{ width: `${first === 0 ? 0 : Math.max(1, (s.count / first) * 100) * 0.75}%` }} />
              <span className="tabular-nums">
                {fmt(s.count)}
                {s.percentOfFirst !== null && s.key !== "positioned" ? <span className="text-muted"> ({s.percentOfFirst} %)</span> : null}
              </span>
            </span>
          </li>
        ))}
      </ol>
      <Disclosure summary="Définition de chaque étape" className="mt-2">
        <dl className="text-xs">
          {steps.map((s) => (
            <div key={s.key} className="mt-1">
              <dt className="inline font-semibold">{s.label} : </dt>
              <dd className="inline">{s.definition}</dd>
            </div>
          ))}
        </dl>
      </Disclosure>
    </Card>
  );
}
