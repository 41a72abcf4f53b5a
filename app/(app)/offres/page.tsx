import type { Metadata } from "next";
import { ExportLinks } from "@/components/exports/export-links";
import { OfferTable } from "@/components/offers/offer-table";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listOffers } from "@/lib/offers/offer.query";
import { romeLabels, romeOption } from "@/lib/reference/reference.query";
import { Combobox } from "@/components/ui/combobox";
import { OFFER_STATUS_LABELS, OFFER_STATUSES } from "@/lib/offers/offer.rules";
import { CONTRACT_LABELS, CONTRACT_TYPES, offerListQuerySchema } from "@/lib/offers/offer.schema";
import { parseSearchParams } from "@/lib/search-params";
import { activeFilterCount, FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Offres" };
const select = "rounded border border-gray-400 bg-white px-3 py-2";

export default async function OffersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("offer.read");
  const q = parseSearchParams(offerListQuerySchema, await searchParams);
  const result = await listOffers(db, user, q);
  const [rome, romeFilter] = await Promise.all([romeLabels(db, result.items.map((o) => o.romeCode)), romeOption(db, q.romeCode)]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Offres d&apos;emploi</PageTitle>
      <ExportLinks user={user} list="offers" query={q} />
      <FilterForm
        label="Filtrer les offres"
        search={{ label: "Poste ou entreprise", type: "search", defaultValue: q.q, className: "lg:w-56" }}
        active={activeFilterCount({ status: q.status, contractType: q.contractType, hiddenMarket: q.hiddenMarket, romeCode: q.romeCode, stale: q.stale })}
        clearHref="/offres"
        className="rounded-lg border border-gray-300 bg-white p-3"
      >
        <div className="flex flex-col"><label htmlFor="f-status" className="text-sm font-medium">État</label>
          <select id="f-status" name="status" defaultValue={q.status ?? ""} className={select}>
            <option value="">Tous</option><option value="ACTIVE">Actives (ouvertes ou partiellement pourvues)</option>
            {OFFER_STATUSES.map((s) => <option key={s} value={s}>{OFFER_STATUS_LABELS[s]}</option>)}
          </select></div>
        <div className="flex flex-col"><label htmlFor="f-contract" className="text-sm font-medium">Contrat</label>
          <select id="f-contract" name="contractType" defaultValue={q.contractType ?? ""} className={select}>
            <option value="">Tous</option>{CONTRACT_TYPES.map((c) => <option key={c} value={c}>{CONTRACT_LABELS[c]}</option>)}
          </select></div>
        <div className="flex flex-col"><label htmlFor="f-hidden" className="text-sm font-medium">Marché caché</label>
          <select id="f-hidden" name="hiddenMarket" defaultValue={q.hiddenMarket ?? ""} className={select}><option value="">Indifférent</option><option value="true">Oui</option><option value="false">Non</option></select></div>
        <Combobox label="Métier (ROME)" name="romeCode" id="f-rome" placeholder="soudeur, H2913…" searchUrl="/api/v1/reference/rome" defaultValue={romeFilter} className="w-72 max-w-full" />
        <label className="flex items-center gap-2 py-2 text-sm"><input type="checkbox" name="stale" value="true" defaultChecked={q.stale === "true"} className="h-5 w-5" /> Sans activité récente</label>
      </FilterForm>
      <OfferTable rome={Object.fromEntries(rome)} data={result.items} total={result.total} totalKind={result.totalKind} page={result.page} pageSize={result.pageSize} next={result.next} prev={result.prev} sort={q.sort} />
    </div>
  );
}
