import type { Metadata } from "next";
import Link from "next/link";
import { ProspectActions } from "@/components/prospecting/prospect-actions";
import { activeFilterCount, FilterField, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { Combobox } from "@/components/ui/combobox";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { formatNaf, formatSiret } from "@/lib/companies/company.rules";
import { db } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { nafSectorOption } from "@/lib/reference/naf-sectors";
import { lastSireneImport, listProspects, prospectingPlatforms } from "@/lib/prospecting/prospect.service";
import { parseSearchParams } from "@/lib/search-params";
import { MIN_HEADCOUNT_OPTIONS, headcountLabel } from "@/lib/sirene/sirene-file.rules";
import { ExportLinks } from "@/components/exports/export-links";
import { PROSPECT_PAGE_SIZE, prospectListQuerySchema } from "@/lib/prospecting/prospect.schema";
import { Card, cardBox } from "@/components/ui/card";

export const metadata: Metadata = { title: "Prospection" };

const PAGE_SIZE = PROSPECT_PAGE_SIZE;


export default async function ProspectingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("company.read");
  const q = parseSearchParams(prospectListQuerySchema, await searchParams);
  const platforms = await prospectingPlatforms(db, user);
  const platform = platforms.find((p) => p.id === q.plateforme) ?? platforms[0];
  const lastImport = await lastSireneImport(db);

  const header = (
    <div className="flex flex-col gap-1">
      <h1 className="text-2xl font-bold">Prospection{platform ? ` — ${platform.name}` : ""}</h1>
      <p className="text-muted">
        Les établissements du territoire que la plateforme ne suit pas encore (ou n&apos;a pas contactés depuis longtemps), classés par
        un score expliqué : métiers recherchés par vos demandeurs que le secteur recrute, effectif, ancienneté, métiers en tension, distance.{" "}
        <Link href="#comment" className="text-brand-700 underline">Comment le score est calculé</Link>
      </p>
    </div>
  );
  if (!platform) return <div className="flex flex-col gap-4">{header}<p>Vous n&apos;intervenez sur aucune plateforme.</p></div>;
  if (!lastImport) {
    return (
      <div className="flex flex-col gap-4">
        {header}
        <Card role="status">
          <h2 className="font-semibold">Le répertoire SIRENE n&apos;est pas encore chargé</h2>
          <p>L&apos;administrateur charge le fichier mensuel des établissements de l&apos;INSEE avec <code>npm run sirene:import</code> (voir la documentation d&apos;exploitation).</p>
        </Card>
      </div>
    );
  }

  const result = await listProspects(db, user, platform.id, {
    commune: q.commune,
    epci: q.epci,
    sector: q.secteur,
    minHeadcount: q.effectif,
    maxDistanceKm: q.distance,
    page: q.page,
    pageSize: PAGE_SIZE,
  });
  const communes = await db.commune.findMany({ where: { inseeCode: { in: platform.perimeterInseeCodes } }, select: { inseeCode: true, name: true, postalCodes: true, epciCode: true, epciName: true }, orderBy: { name: "asc" } });
  const communeOptions = communes.map((c) => ({ value: c.inseeCode, label: `${c.name} (${c.postalCodes[0] ?? c.inseeCode})`, description: c.epciName ?? undefined }));
  const epcis = [...new Map(communes.filter((c) => c.epciCode).map((c) => [c.epciCode!, c.epciName ?? c.epciCode!])).entries()];
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const link = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...q, pageSize: undefined, plateforme: platform.id, page })) if (v !== undefined && v !== "") p.set(k, String(v));
    return `/prospection?${p.toString()}`;
  };
  const canPlan = can(user, "visit.write") && can(user, "company.write") && user.platformIds.includes(platform.id);

  return (
    <div className="flex flex-col gap-4">
      {header}
      <p className="text-sm text-muted">
        Répertoire SIRENE chargé le {formatDateTime(lastImport.finishedAt)} ({lastImport.fileName}) ; liste calculée le {formatDateTime(result.computedAt)}.
      </p>
      {/* The platform is the list's scope, not a filter: not counted, kept when the filters are cleared. */}
      <FilterForm
        label="Filtrer les établissements"
        active={activeFilterCount({ epci: q.epci, commune: q.commune, secteur: q.secteur, effectif: q.effectif, distance: q.distance })}
        clearHref={platforms.length > 1 ? `/prospection?plateforme=${platform.id}` : "/prospection"}
      >
        {platforms.length > 1 ? (
          <FilterSelect id="f-platform" name="plateforme" label="Plateforme" defaultValue={platform.id} all={null} options={platforms.map((p) => ({ value: p.id, label: p.name }))} />
        ) : null}
        <FilterSelect id="f-epci" name="epci" label="Intercommunalité" defaultValue={q.epci} all="Toutes" options={epcis.map(([code, name]) => ({ value: code, label: name }))} />
        <Combobox
          label="Commune"
          name="commune"
          id="f-commune"
          placeholder="Toutes"
          hint="Nom ou code postal"
          options={communeOptions}
          defaultValue={communeOptions.find((o) => o.value === q.commune) ?? null}
          className="w-64 max-w-full"
        />
        <Combobox
          label="Secteur d'activité (NAF)"
          name="secteur"
          id="f-sector"
          placeholder="Tous"
          hint="Activité ou code (ex. : restauration, 43.21A)"
          searchUrl="/api/v1/reference/naf?levels=all"
          defaultValue={nafSectorOption(q.secteur)}
          className="w-80 max-w-full"
        />
        <FilterSelect id="f-headcount" name="effectif" label="Effectif minimum" defaultValue={q.effectif} all="Tous" options={MIN_HEADCOUNT_OPTIONS.map((o) => ({ value: o.code, label: o.label }))} />
        <FilterField id="f-distance" name="distance" label="Distance max. (km)" type="number" inputMode="numeric" min={1} max={500} defaultValue={q.distance} className="w-28" />
      </FilterForm>

      <ExportLinks user={user} list="prospects" query={{ ...q, plateforme: platform.id }} />
      <p aria-live="polite" className="font-medium">
        {result.total.toLocaleString("fr-FR")} établissement{result.total > 1 ? "s" : ""} à prospecter{pages > 1 ? ` — page ${q.page} sur ${pages}` : ""}
      </p>
      {result.items.length === 0 ? (
        <p className={cardBox()}>Aucun établissement ne correspond à ces filtres.</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label="Établissements classés par score" start={(q.page - 1) * PAGE_SIZE + 1}>
          {result.items.map((e, i) => (
            <Card as="li" key={e.siret} data-testid="prospect">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="flex min-w-0 flex-col gap-1">
                  <h2 className="text-lg font-semibold">
                    <span className="text-muted">{(q.page - 1) * PAGE_SIZE + i + 1}.</span> {e.name}
                  </h2>
                  {e.legalName && e.legalName !== e.name ? <p className="text-sm">{e.legalName}</p> : null}
                  <p className="text-sm">
                    {e.nafCode ? `${formatNaf(e.nafCode)} — ${e.nafLabel ?? "activité"}` : "Activité inconnue"} · {headcountLabel(e.headcountCode)}
                    {e.createdOn ? ` · créé le ${formatDate(e.createdOn)}` : ""}
                  </p>
                  <p className="text-sm">{[e.addressLine, [e.postalCode, e.city].filter(Boolean).join(" ")].filter(Boolean).join(", ")} · SIRET {formatSiret(e.siret)}</p>
                  {e.companyId ? (
                    <p className="text-sm">
                      <Link href={`/entreprises/${e.companyId}`} className="text-brand-700 underline">Suivie par la plateforme</Link>
                      {e.lastContactAt ? `, dernier contact le ${formatDate(e.lastContactAt)}` : ", jamais contactée"}
                    </p>
                  ) : null}
                </div>
                <p className="text-right">
                  <span className="block text-2xl font-bold" aria-label={`Score ${e.score.toLocaleString("fr-FR")} sur 100`}>{Math.round(e.score)}</span>
                  <span className="text-sm text-muted" aria-hidden="true">/ 100</span>
                </p>
              </div>
              <p className="mt-2 text-sm"><span className="font-medium">Pourquoi : </span>{e.reasons.join(" ; ")}.</p>
              {canPlan ? <div className="mt-3"><ProspectActions platformId={platform.id} siret={e.siret} name={e.name} canDismiss /></div> : null}
            </Card>
          ))}
        </ol>
      )}
      {pages > 1 ? (
        <nav aria-label="Pagination" className="flex flex-wrap items-center gap-3">
          {q.page > 1 ? <Link href={link(q.page - 1)} className="text-brand-700 underline">Page précédente</Link> : null}
          <span>Page {q.page} sur {pages}</span>
          {q.page < pages ? <Link href={link(q.page + 1)} className="text-brand-700 underline">Page suivante</Link> : null}
        </nav>
      ) : null}
      <Card as="section" id="comment" className="text-sm">
        <h2 className="text-base font-semibold">Comment le score est calculé</h2>
        <p>
          Le score (sur 100) est une moyenne pondérée de cinq parts, chacune entre 0 et 1, dont les poids et barèmes sont dans le jeu de règles
          « Paramètres de fonctionnement » (versionné) : les demandeurs actifs de la plateforme qui recherchent un métier (code ROME) que le
          secteur de l&apos;établissement recrute d&apos;après la table ROME ↔ NAF publiée par France Travail ; la tranche d&apos;effectif ;
          l&apos;ancienneté de l&apos;établissement ; la part des recrutements du secteur dans des métiers en tension ; la distance médiane aux
          communes des demandeurs. Sources : répertoire SIRENE de l&apos;INSEE (établissements diffusibles seulement), données ouvertes de France
          Travail, base officielle des codes postaux de La Poste.
        </p>
      </Card>
    </div>
  );
}
