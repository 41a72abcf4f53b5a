import { HEADCOUNT_BANDS, HEADCOUNT_LABELS, type CompanyListQuery } from "@/lib/companies/company.schema";
import { activeFilterCount, FilterForm } from "@/components/ui/filter-form";

const select = "rounded border border-gray-400 bg-white px-3 py-2";

/** Plain GET form: filters live in the URL, so a filtered list can be bookmarked and shared. */
export function CompanyFilters({ q, sectors }: { q: CompanyListQuery; sectors: string[] }) {
  return (
    <FilterForm
      label="Rechercher une entreprise"
      search={{ label: "Nom, SIRET ou commune", type: "search", defaultValue: q.q, className: "lg:w-64" }}
      active={activeFilterCount({ sector: q.sector, headcountBand: q.headcountBand, numeroVert: q.numeroVert, noContactMonths: q.noContactMonths, hasOpenOffers: q.hasOpenOffers })}
      clearHref="/entreprises"
      className="rounded-lg border border-gray-300 bg-white p-3"
    >
      <div className="flex flex-col">
        <label htmlFor="f-sector" className="text-sm font-medium">Filière</label>
        <select id="f-sector" name="sector" defaultValue={q.sector ?? ""} className={select}>
          <option value="">Toutes</option>
          {sectors.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="f-headcount" className="text-sm font-medium">Effectif</label>
        <select id="f-headcount" name="headcountBand" defaultValue={q.headcountBand ?? ""} className={select}>
          <option value="">Tous</option>
          {HEADCOUNT_BANDS.map((b) => <option key={b} value={b}>{HEADCOUNT_LABELS[b]}</option>)}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="f-nv" className="text-sm font-medium">Numéro vert</label>
        <select id="f-nv" name="numeroVert" defaultValue={q.numeroVert ?? ""} className={select}>
          <option value="">Indifférent</option>
          <option value="true">Oui</option>
          <option value="false">Non</option>
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="f-contact" className="text-sm font-medium">Sans contact depuis</label>
        <select id="f-contact" name="noContactMonths" defaultValue={q.noContactMonths?.toString() ?? ""} className={select}>
          <option value="">Indifférent</option>
          <option value="3">3 mois</option>
          <option value="6">6 mois</option>
          <option value="12">12 mois</option>
          <option value="0">Jamais contactée</option>
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="f-offers" className="text-sm font-medium">Offres ouvertes</label>
        <select id="f-offers" name="hasOpenOffers" defaultValue={q.hasOpenOffers ?? ""} className={select}>
          <option value="">Indifférent</option>
          <option value="true">Au moins une</option>
          <option value="false">Aucune</option>
        </select>
      </div>
    </FilterForm>
  );
}
