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
import { parseSearchParams, readListPage } from "@/lib/search-params";
import { activeFilterCount, FilterCheckbox, FilterForm, FilterSelect, yesNoOptions } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";
import { cardBox, Notice } from "@/components/ui/card";

export const metadata: Metadata = { title: "Offres" };

export default async function OffersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("offer.read");
  const asked = parseSearchParams(offerListQuerySchema, await searchParams);
  const { result, q, notice } = await readListPage(asked, (x) => listOffers(db, user, x));
  const [rome, romeFilter] = await Promise.all([romeLabels(db, result.items.map((o) => o.romeCode)), romeOption(db, q.romeCode)]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Offres d&apos;emploi</PageTitle>
      {notice ? <Notice>{notice}</Notice> : null}
      <ExportLinks user={user} list="offers" query={q} />
      <FilterForm
        label="Filtrer les offres"
        search={{ label: "Poste ou entreprise", type: "search", defaultValue: q.q, className: "lg:w-56" }}
        active={activeFilterCount({ status: q.status, contractType: q.contractType, hiddenMarket: q.hiddenMarket, romeCode: q.romeCode, stale: q.stale })}
        clearHref="/offres"
        className={cardBox("sm")}
      >
        <FilterSelect id="f-status" name="status" label="État" defaultValue={q.status} all="Tous"
          options={[{ value: "ACTIVE", label: "Actives (ouvertes ou partiellement pourvues)" }, ...OFFER_STATUSES.map((s) => ({ value: s, label: OFFER_STATUS_LABELS[s] }))]} />
        <FilterSelect id="f-contract" name="contractType" label="Contrat" defaultValue={q.contractType} all="Tous" options={CONTRACT_TYPES.map((c) => ({ value: c, label: CONTRACT_LABELS[c] }))} />
        <FilterSelect id="f-hidden" name="hiddenMarket" label="Marché caché" defaultValue={q.hiddenMarket} all="Indifférent" options={yesNoOptions} />
        <Combobox label="Métier (ROME)" name="romeCode" id="f-rome" placeholder="soudeur, H2913…" searchUrl="/api/v1/reference/rome" defaultValue={romeFilter} className="w-72 max-w-full" />
        <FilterCheckbox id="f-stale" name="stale" label="Sans activité récente" defaultChecked={q.stale === "true"} />
      </FilterForm>
      <OfferTable rome={Object.fromEntries(rome)} data={result.items} total={result.total} totalKind={result.totalKind} page={result.page} pageSize={result.pageSize} next={result.next} prev={result.prev} sort={q.sort} />
    </div>
  );
}
