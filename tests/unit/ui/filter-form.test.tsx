// The list filter form of the kit (components/ui/filter-form.tsx): the count on the « Filtres »
// toggle, the free-text search kept outside the fold, the clear link only when there is something to
// clear — on the server-rendered markup, which is all a browser without JavaScript gets.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { activeFilterCount, FilterForm } from "@/components/ui/filter-form";

const html = (el: React.ReactElement) => renderToStaticMarkup(el);
/** The opening tag of the element with this id (React orders the attributes its own way). */
const tag = (out: string, id: string) => new RegExp(`<[a-z]+ id="${id}"[^>]*>`).exec(out)?.[0] ?? "";

describe("activeFilterCount", () => {
  it("counts the filters that are set", () => {
    expect(activeFilterCount({})).toBe(0);
    expect(activeFilterCount({ status: undefined, kind: null, origin: "" })).toBe(0);
    expect(activeFilterCount({ status: "OPEN", kind: undefined, origin: "NUMERO_VERT" })).toBe(2);
  });

  it("counts a « Non » (the string \"false\") and a zero, not an unticked box", () => {
    expect(activeFilterCount({ hiddenMarket: "false", noContactMonths: 0, mine: false })).toBe(2);
    expect(activeFilterCount({ mine: true })).toBe(1);
  });

  it("does not count a value equal to the page's default", () => {
    expect(activeFilterCount({ when: "all", mine: false }, { when: "all" })).toBe(0);
    expect(activeFilterCount({ when: "past" }, { when: "all" })).toBe(1);
    expect(activeFilterCount({ year: 2026 }, { year: "2026" })).toBe(0);
  });
});

describe("FilterForm", () => {
  const select = <select id="f-s" name="s" aria-label="État"><option value="">Tous</option></select>;

  it("is a GET search form whose filters fold behind « Filtres (n) », the search field outside the fold", () => {
    const out = html(
      <FilterForm label="Filtrer les offres" search={{ label: "Poste ou entreprise", defaultValue: "soudeur" }} active={2} clearHref="/offres">
        {select}
      </FilterForm>,
    );
    expect(out).toMatch(/^<form role="search" aria-label="Filtrer les offres"/);
    expect(out).not.toMatch(/method="post"|action=/);
    // Native disclosure, closed by default: the fields stay in the form (sent with it).
    expect(out).toMatch(/<details class="filter-panel[^"]*"[^>]*><summary[^>]*>Filtres \(2\)<svg aria-hidden="true"/);
    expect(out).not.toMatch(/<details[^>]* open[ =>]/);
    const [before, after] = out.split("<details");
    expect(before).toMatch(/<label for="f-q"[^>]*>Poste ou entreprise<\/label><input id="f-q"/);
    expect(tag(before!, "f-q")).toMatch(/^(?=.*name="q")(?=.*type="text")(?=.*value="soudeur")/);
    expect(after).toContain('<select id="f-s" name="s"');
    // The submit button next to the search field stays outside the fold, then the clear link.
    expect(out).toMatch(/<\/details><button type="submit"[^>]*>Filtrer<\/button><a[^>]*href="\/offres"[^>]*>Effacer les filtres<\/a><\/form>$/);
  });

  it("says « Filtres » without a count, and no clear link, when nothing is set", () => {
    const out = html(<FilterForm label="Filtrer" search={{ label: "Nom" }} clearHref="/x">{select}</FilterForm>);
    expect(out).toMatch(/<summary[^>]*>Filtres<svg/);
    expect(out).not.toContain("Effacer les filtres");
  });

  it("offers to clear a search alone (nothing folded)", () => {
    const out = html(<FilterForm label="Rechercher" search={{ label: "Nom", defaultValue: "Dupont" }} clearHref="/x" submitLabel="Rechercher" />);
    expect(out).not.toContain("<details");
    expect(out).toMatch(/<button type="submit"[^>]*>Rechercher<\/button><a[^>]*href="\/x"[^>]*>Effacer les filtres<\/a>/);
  });

  it("puts the submit button inside the fold when there is no search field", () => {
    const out = html(<FilterForm label="Filtrer les visites" active={1} clearHref="/visites">{select}</FilterForm>);
    expect(out).toMatch(/<details[\s\S]*<button type="submit"[^>]*>Filtrer<\/button><\/div><\/details><a[^>]*>Effacer les filtres<\/a><\/form>$/);
  });

  it("ties the search field's hint to it", () => {
    const out = html(<FilterForm label="Journal" search={{ label: "Personne", name: "person", id: "f-person", hint: "Nom ou e-mail" }}>{select}</FilterForm>);
    expect(tag(out, "f-person")).toMatch(/^(?=.*name="person")(?=.*aria-describedby="f-person-hint")/);
    expect(out).toContain('<span id="f-person-hint"');
  });
});
