import type { PlatformGovernance } from "@/lib/governance/governance.service";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";

/** Held vs required per kind: a bar plus the figures and a worded status (not colour only). */
export function GovernanceProgressPanel({ platforms, headingLevel = 2 }: { platforms: PlatformGovernance[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (platforms.length === 0) return <p className="text-muted">Aucune plateforme dans votre périmètre.</p>;
  return (
    <div className="flex flex-col gap-4">
      {platforms.map((p) => (
        <Card as="section" key={p.platformId} aria-labelledby={`gov-${p.platformId}`} data-testid={`governance-progress-${p.platform}`}>
          <Heading id={`gov-${p.platformId}`} className="mb-3 text-lg font-semibold">
            {platforms.length > 1 ? `${p.platform} — ` : null}Réunions tenues en {p.year}
          </Heading>
          <ul className="grid grid-cols-1 gap-4 md:grid-cols-3">
            {p.progress.map((k) => (
              <li key={k.kind} data-testid={`governance-${k.kind}`}>
                <p className="font-medium">{k.label}</p>
                <p className="text-2xl font-bold" data-testid={`governance-count-${k.kind}`}>
                  {k.held}
                  {k.required !== null ? <span className="text-base font-normal"> sur {k.max !== null && k.max > k.required ? `${k.required} à ${k.max}` : k.required} requises</span> : <span className="text-base font-normal"> (pas de minimum)</span>}
                </p>
                {k.required !== null ? (
                  <>
                    <div
                      role="progressbar"
                      aria-label={`${k.label} : ${k.held} réunion${k.held > 1 ? "s" : ""} sur ${k.max !== null && k.max > k.required ? `${k.required} à ${k.max}` : k.required} requises`}
                      aria-valuemin={0}
                      aria-valuemax={k.required}
                      aria-valuenow={Math.min(k.held, k.required)}
                      className="mt-1 h-3 w-full overflow-hidden rounded border border-gray-500 bg-gray-100"
                    >
                      <div className={`h-full ${k.met ? "bg-success" : "bg-brand-600"}`} style={{ width: `${k.percent}%` }} />
                    </div>
                    <p className={`mt-1 text-sm ${k.met ? "text-success" : "text-warning"}`}>
                      <Icon name={k.met ? "check" : "clock"} className="mr-1 inline-block align-[-2px]" />
                      {k.met ? (k.max !== null && k.held > k.max ? `Objectif atteint (au-delà des ${k.max} prévues)` : "Objectif atteint") : `Encore ${k.required - k.held} à tenir cette année`}
                    </p>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
