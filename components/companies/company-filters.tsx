import { HEADCOUNT_BANDS, HEADCOUNT_LABELS, type CompanyListQuery } from "@/lib/companies/company.schema";
import { activeFilterCount, FilterForm, FilterSelect, yesNoOptions } from "@/components/ui/filter-form";
import { cardBox } from "@/components/ui/card";

/** Plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function CompanyFilters({ q, sectors }: { q: CompanyListQuery; sectors: string[] }) {
  return (
    <FilterForm
      label="Rechercher une entreprise"
      search={{ label: "Nom, SIRET ou commune", type: "search", defaultValue: q.q, className: "lg:w-64" }}
      active={activeFilterCount({ sector: q.sector, headcountBand: q.headcountBand, numeroVert: q.numeroVert, noContactMonths: q.noContactMonths, hasOpenOffers: q.hasOpenOffers })}
      clearHref="/entreprises"
      className={cardBox("sm")}
    >
      <FilterSelect id="f-sector" name="sector" label="Filière" defaultValue={q.sector} all="Toutes" options={sectors.map((s) => ({ value: s, label: s }))} />
      <FilterSelect id="f-headcount" name="headcountBand" label="Effectif" defaultValue={q.headcountBand} all="Tous" options={HEADCOUNT_BANDS.map((b) => ({ value: b, label: HEADCOUNT_LABELS[b] }))} />
      <FilterSelect id="f-nv" name="numeroVert" label="Numéro vert" defaultValue={q.numeroVert} all="Indifférent" options={yesNoOptions} />
      <FilterSelect id="f-contact" name="noContactMonths" label="Sans contact depuis" defaultValue={q.noContactMonths} all="Indifférent"
        options={[{ value: "3", label: "3 mois" }, { value: "6", label: "6 mois" }, { value: "12", label: "12 mois" }, { value: "0", label: "Jamais contactée" }]} />
      <FilterSelect id="f-offers" name="hasOpenOffers" label="Offres ouvertes" defaultValue={q.hasOpenOffers} all="Indifférent" options={[{ value: "true", label: "Au moins une" }, { value: "false", label: "Aucune" }]} />
    </FilterForm>
  );
}
