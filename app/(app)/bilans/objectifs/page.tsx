import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ObjectivesForm } from "@/components/bilans/objectives-form";
import { ObjectivesSection } from "@/components/bilans/objectives-section";
import { requirePageUser } from "@/lib/auth/session";
import { bilanPlatforms } from "@/lib/bilans/bilan.query";
import { db } from "@/lib/db";
import { OBJECTIVE_INDICATORS } from "@/lib/objectives/objective.rules";
import { parisDay } from "@/lib/paris-day";
import { objectiveYearSchema } from "@/lib/objectives/objective.schema";
import { conventionAmendments, listObjectives, objectivesVsTargets, regionConventionOf } from "@/lib/objectives/objective.service";
import { indicatorsNeedAmendment } from "@/lib/subsidy/subsidy-workflow.rules";
import { Button } from "@/components/ui/button";
import { Card, cardBox, Notice } from "@/components/ui/card";
import { FilterField, FilterSelect } from "@/components/ui/filter-form";
import { TextLink } from "@/components/ui/text-link";
import { can } from "@/lib/authz/policy";
import { parseSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Objectifs de la convention" };

const querySchema = z.object({ platformId: z.uuid().optional(), year: objectiveYearSchema.optional() });

export default async function ObjectivesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("objective.write");
  const q = parseSearchParams(querySchema, await searchParams);
  const now = new Date();
  const year = q.year ?? parisDay(now).y;
  const platforms = await bilanPlatforms(db, user);
  const selected = q.platformId ? platforms.find((p) => p.id === q.platformId) : platforms[0];
  // Another platform's id reads as "not found" (no existence leak).
  if (q.platformId && !selected) notFound();
  const existing = selected ? await listObjectives(db, user, selected.id, year) : [];
  const byKey = new Map(existing.map((o) => [o.indicatorKey, o]));
  const progress = selected ? await objectivesVsTargets(db, user, selected.id, year, now) : null;
  // Issue 22 §4: with a Région annual file that year, the targets are the convention's chosen indicators.
  const convention = selected ? await regionConventionOf(db, selected.id, year) : null;
  const amendments = convention && indicatorsNeedAmendment(convention) ? await conventionAmendments(db, convention.id) : null;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Objectifs de la convention financière annuelle</h1>
        <p className="text-muted"><Link href="/bilans" className="text-brand-700 underline">Retour aux bilans</Link></p>
      </div>
      <form method="get" className={cardBox("md", "flex flex-wrap items-end gap-4")} aria-label="Choix de la plateforme et de l'année">
        <FilterSelect id="o-platform" name="platformId" label="Plateforme" defaultValue={selected?.id} all={null} options={platforms.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterField id="o-year" type="number" name="year" label="Année" min={2020} max={2100} defaultValue={year} className="w-28" />
        <Button type="submit">Afficher</Button>
      </form>
      {!selected ? <p role="status">Aucune plateforme dans votre périmètre.</p> : (
        <>
          {progress ? <ObjectivesSection view={progress} scopeName={selected.name} /> : null}
          <Card as="section" aria-labelledby="objectives-edit">
            <h2 id="objectives-edit" className="text-xl font-semibold">Cibles {year} — {selected.name}</h2>
            {convention ? (
              <Notice className="my-2" data-testid="convention-objectives">
                Ces cibles sont les indicateurs choisis par la convention financière {year} de la Région (convention cadre, art. 3.1 et 5) :
                une cible saisie ajoute l&apos;indicateur à la convention, une cible vidée l&apos;en retire.
                {can(user, "subsidy.read") ? <> <TextLink href={`/financement/${convention.id}#indicateurs`}>Voir le dossier de subvention</TextLink>.</> : null}
              </Notice>
            ) : null}
            <ObjectivesForm key={`${selected.id}-${year}`} platformId={selected.id} year={year} amendments={amendments}
              rows={OBJECTIVE_INDICATORS.map((d) => ({ key: d.key, label: d.label, unit: d.unit, family: d.family, target: byKey.get(d.key)?.target ?? null, version: byKey.get(d.key)?.version ?? null }))} />
          </Card>
        </>
      )}
    </div>
  );
}
