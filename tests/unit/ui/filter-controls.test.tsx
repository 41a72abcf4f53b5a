// The controls of the kit's list filter form (components/ui/filter-form.tsx): FilterSelect,
// FilterField, FilterCheckbox — plain uncontrolled fields of the GET form, checked on the
// server-rendered markup (all that a browser without JavaScript gets).
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FilterCheckbox, FilterField, FilterSelect, yesNoOptions } from "@/components/ui/filter-form";

const html = (el: React.ReactElement) => renderToStaticMarkup(el);
/** The opening tag of the element with this id (React orders the attributes its own way). */
const tag = (out: string, id: string) => new RegExp(`<[a-z]+ id="${id}"[^>]*>`).exec(out)?.[0] ?? "";
/** The options of the markup, in order: [value, label, selected]. */
const optionsOf = (out: string) => [...out.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [m[1], m[3], Boolean(m[2])]);

describe("FilterSelect", () => {
  const status = [{ value: "OPEN", label: "Ouverte" }, { value: "FILLED", label: "Pourvue" }];

  it("ties its label to the select, « all » first with the value \"\", the URL's value selected", () => {
    const out = html(<FilterSelect id="f-status" name="status" label="État" defaultValue="FILLED" all="Tous" options={status} />);
    expect(out).toMatch(/^<div class="flex flex-col"><label for="f-status" class="text-sm font-medium">État<\/label><select id="f-status"/);
    expect(tag(out, "f-status")).toMatch(/^<select (?=.*name="status")(?=.*class="rounded border border-gray-400 bg-white px-3 py-2")/);
    expect(optionsOf(out)).toEqual([["", "Tous", false], ["OPEN", "Ouverte", false], ["FILLED", "Pourvue", true]]);
  });

  it("selects « all » when the URL has no value", () => {
    for (const none of [undefined, null, ""]) {
      const out = html(<FilterSelect id="f-nv" name="numeroVert" label="Numéro vert" defaultValue={none} all="Indifférent" options={yesNoOptions} />);
      expect(optionsOf(out)).toEqual([["", "Indifférent", true], ["true", "Oui", false], ["false", "Non", false]]);
    }
  });

  it("takes numeric values (a year, a number of months), the zero included", () => {
    const years = [2026, 2025].map((y) => ({ value: y, label: String(y) }));
    expect(optionsOf(html(<FilterSelect id="f-year" name="year" label="Année" defaultValue={2025} all="Toutes" options={years} />))).toEqual([["", "Toutes", false], ["2026", "2026", false], ["2025", "2025", true]]);
    const months = [{ value: "3", label: "3 mois" }, { value: "0", label: "Jamais contactée" }];
    expect(optionsOf(html(<FilterSelect id="f-contact" name="noContactMonths" label="Sans contact depuis" defaultValue={0} all="Indifférent" options={months} />))).toEqual([["", "Indifférent", false], ["3", "3 mois", false], ["0", "Jamais contactée", true]]);
  });

  it("has no empty option when every choice is a value (all={null})", () => {
    const when = [{ value: "all", label: "Toutes" }, { value: "past", label: "Passées" }];
    expect(optionsOf(html(<FilterSelect id="f-when" name="when" label="Période" defaultValue="past" all={null} options={when} />))).toEqual([["all", "Toutes", false], ["past", "Passées", true]]);
  });

  it("adds its className to the control's look", () => {
    expect(tag(html(<FilterSelect id="f-s" name="s" label="S" all="Tous" options={status} className="w-40" />), "f-s")).toContain('class="rounded border border-gray-400 bg-white px-3 py-2 w-40"');
  });
});

describe("FilterField", () => {
  it("ties its label to the input, with the URL's value and the input's own attributes", () => {
    const out = html(<FilterField id="f-distance" name="distance" label="Distance max. (km)" type="number" inputMode="numeric" min={1} max={500} defaultValue={30} className="w-28" />);
    expect(out).toMatch(/^<div class="flex flex-col"><label for="f-distance" class="text-sm font-medium">Distance max\. \(km\)<\/label><input id="f-distance"[^>]*\/><\/div>$/);
    expect(tag(out, "f-distance")).toMatch(/^(?=.*name="distance")(?=.*type="number")(?=.*inputMode="numeric")(?=.*min="1")(?=.*max="500")(?=.*value="30")(?=.*class="rounded border border-gray-400 bg-white px-3 py-2 w-28")/);
  });

  it("is empty without a value", () => {
    expect(tag(html(<FilterField id="f-from" name="from" label="Du" type="date" defaultValue={null} />), "f-from")).toContain('value=""');
  });
});

describe("FilterCheckbox", () => {
  it("is a labelled box that sends name=value, ticked from the URL", () => {
    const out = html(<FilterCheckbox id="f-overdue" name="overdue" value="1" label="En retard seulement" defaultChecked />);
    expect(out).toMatch(/^<label for="f-overdue"[^>]*><input id="f-overdue"[^>]*\/>En retard seulement<\/label>$/);
    expect(tag(out, "f-overdue")).toMatch(/^(?=.*type="checkbox")(?=.*name="overdue")(?=.*value="1")(?=.*checked="")/);
  });

  it("sends « true » by default and is unticked without a value in the URL", () => {
    const box = tag(html(<FilterCheckbox id="f-mine" name="mine" label="Mes visites seulement" defaultChecked={false} />), "f-mine");
    expect(box).toContain('value="true"');
    expect(box).not.toContain("checked");
  });
});
