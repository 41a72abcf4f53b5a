// The headline figures of the bilans page: value, change against the same period a year earlier,
// position against the year's objective (words + icon + colour) and a 12-month sparkline.
import { fmt } from "@/components/bilans/bilan-tables";
import { Sparkline } from "@/components/ui/sparkline";
import { StatCard } from "@/components/ui/stat-card";
import { ToneText, type Tone } from "@/components/ui/tone-text";
import { OBJECTIVE_STATE_LABELS, type HeadlineCard, type ObjectiveState, type YearOnYear } from "@/lib/bilans/headline.rules";

const STATE_TONE: Record<ObjectiveState, Tone> = { ahead: "good", watch: "warn", behind: "bad" };

function YoY({ v }: { v: YearOnYear | null }) {
  if (!v) return <span className="text-muted">N-1 : non disponible</span>;
  const sign = v.delta > 0 ? "+" : v.delta < 0 ? "−" : "±";
  const icon = v.delta > 0 ? "▲" : v.delta < 0 ? "▼" : "=";
  const pct = v.percent === null ? "" : ` (${sign}${Math.abs(v.percent)} %)`;
  return (
    <span className="text-ink">
      <span aria-hidden="true">{icon} </span>
      {sign}{fmt(Math.abs(v.delta))}{pct} vs N-1 <span className="text-muted">({fmt(v.previous)})</span>
    </span>
  );
}

export function HeadlineCards({ cards, year, sparkLabel }: { cards: HeadlineCard[]; year: number; sparkLabel: string }) {
  return (
    <section aria-labelledby="key-figures">
      <h2 id="key-figures" className="sr-only">Chiffres clés de la période</h2>
      <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-4">
        {cards.map((c) => (
          <li key={c.key}>
            <StatCard testId={`kpi-${c.key}`} label={c.label} unit={c.unit} value={fmt(c.value)}
              aside={<Sparkline values={c.spark} />}>
              <YoY v={c.yearOnYear} />
              {c.objective ? (
                <span>
                  <ToneText tone={STATE_TONE[c.objective.state]}>{OBJECTIVE_STATE_LABELS[c.objective.state]}</ToneText>{" "}
                  <span className="text-muted">: {fmt(c.objective.achieved)} / {fmt(c.objective.target)} en {year} ({c.objective.percentOfExpected} % de l&apos;attendu à date)</span>
                </span>
              ) : (
                <span className="text-muted">Pas d&apos;objectif {year}</span>
              )}
              <span className="sr-only">{sparkLabel} : {c.spark.map((v) => fmt(v)).join(", ")}</span>
            </StatCard>
          </li>
        ))}
      </ul>
    </section>
  );
}
