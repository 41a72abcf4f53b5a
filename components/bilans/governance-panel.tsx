// Governance meetings of the year as a whole count against the rule set's required range.
import { ToneText } from "@/components/ui/tone-text";
import type { GovernanceYear } from "@/lib/indicators/figures.rules";
import { Card } from "@/components/ui/card";

export function rangeText(g: Pick<GovernanceYear, "min" | "max">): string {
  return g.max === null ? `au moins ${g.min}` : g.max === g.min ? `${g.min}` : `entre ${g.min} et ${g.max}`;
}

export function GovernancePanel({ g, scopeName, platformCount }: { g: GovernanceYear; scopeName: string; platformCount: number }) {
  const { min, max, state } = g;
  return (
    <Card as="section" padding="sm" aria-labelledby="gov-title" data-testid="governance-panel">
      <h3 id="gov-title" className="text-base font-semibold">Gouvernance {g.year}</h3>
      <p className="text-sm">
        <span className="text-2xl font-bold tabular-nums" data-testid="governance-held">{g.held}</span> réunion{g.held > 1 ? "s" : ""} tenue{g.held > 1 ? "s" : ""} en {g.year} ({scopeName}) ; attendu sur l&apos;année : {rangeText({ min, max })}.
      </p>
      <p className="text-sm">
        {state === "met" ? <ToneText tone="good">dans la fourchette</ToneText> : state === "above" ? <ToneText tone="warn">au-delà de la fourchette</ToneText> : <ToneText tone="bad">{min - g.held} de moins que le minimum annuel</ToneText>}
      </p>
      <p className="text-xs text-muted">Coprésidences, pôles dirigeants et comités techniques tenus depuis le 1er janvier ; minimum et maximum du jeu de règles en vigueur{platformCount > 1 ? `, multipliés par les ${platformCount} plateformes` : ""}.</p>
    </Card>
  );
}
