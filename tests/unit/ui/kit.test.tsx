// The UI kit's accessibility contract, on the server-rendered markup (what assistive technologies
// read first): labels tied to controls, hints and errors in aria-describedby, icons hidden with
// their meaning in text, the old module paths still exporting the same components.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import * as apiForm from "@/components/ui/api-form";
import { StatusBadge } from "@/components/ui/badge";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { CheckboxGroup, Field, FormSection, SelectField, TextAreaField, YesNoField } from "@/components/ui/field";
import * as alerts from "@/components/ui/form-alert";
import * as formControls from "@/components/ui/form-controls";
import * as formFields from "@/components/ui/form-fields";
import * as formSections from "@/components/ui/form-sections";
import { PageHeader } from "@/components/ui/page-header";
import { TableScroll } from "@/components/ui/table";

const html = (el: React.ReactElement) => renderToStaticMarkup(el);

describe("Field", () => {
  it("ties the label, the hint and the error to the input", () => {
    const out = html(<Field label="SIRET" name="siret" hint="14 chiffres" error="SIRET invalide." inputMode="numeric" required />);
    expect(out).toContain('<label for="field-siret"');
    expect(out).toMatch(/<input[^>]*id="field-siret"/);
    expect(out).toMatch(/aria-describedby="field-siret-hint field-siret-error"/);
    expect(out).toMatch(/aria-invalid="true"/);
    expect(out).toMatch(/inputMode="numeric"|inputmode="numeric"/);
    expect(out).toMatch(/id="field-siret-error" data-field-error=""/);
    // The required mark is outside the label (the accessible name stays « SIRET ») and hidden from screen readers.
    expect(out).toMatch(/<label for="field-siret" class="[^"]*">SIRET<\/label><span aria-hidden="true"/);
  });

  it("has no aria-invalid nor describedby when there is nothing to describe", () => {
    const out = html(<Field label="Nom" name="name" />);
    expect(out).not.toContain("aria-invalid");
    expect(out).not.toContain("aria-describedby");
  });

  it("accepts an explicit id (several forms on one page)", () => {
    expect(html(<Field label="Nom" name="name" id="contact-name" error="x" />)).toMatch(/id="contact-name".*id="contact-name-error"/s);
  });
});

describe("SelectField / TextAreaField / groups", () => {
  it("renders options with a « non renseigné » first entry, or given children", () => {
    const a = html(<SelectField label="Tranche" name="band" options={[{ value: "A", label: "1 à 9" }]} />);
    expect(a).toMatch(/<option value="">— Non renseigné —<\/option><option value="A">1 à 9<\/option>/);
    const b = html(<SelectField label="Tranche" name="band" placeholder={null} options={[{ value: "A", label: "1 à 9" }]} />);
    expect(b).not.toContain('value=""');
    const c = html(<SelectField label="Statut" name="s"><option value="x">X</option></SelectField>);
    expect(c).toContain('<option value="x">X</option>');
  });

  it("labels a textarea and describes its error", () => {
    expect(html(<TextAreaField label="Notes" name="notes" error="Trop long." />)).toMatch(/<textarea[^>]*aria-describedby="field-notes-error"/);
  });

  it("groups boxes and radios under a legend", () => {
    expect(html(<CheckboxGroup legend="Freins" name="b" options={[{ value: "x", label: "X" }]} error="Choisissez." />)).toMatch(/<fieldset id="field-b"[^>]*aria-describedby="field-b-error"><legend/);
    expect(html(<YesNoField legend="Permis" name="p" defaultValue={null} />)).toMatch(/<legend[^>]*>Permis<\/legend>.*type="radio".*Non renseigné/s);
  });
});

describe("buttons, badges, headers, tables", () => {
  it("a Button is type=button unless told (no accidental submit); variants merge with className", () => {
    expect(html(<Button>OK</Button>)).toMatch(/^<button type="button"/);
    expect(html(<Button type="submit" variant="danger" className="px-2">Supprimer</Button>)).toMatch(/type="submit" class="[^"]*bg-danger[^"]*px-2/);
    expect(html(<Button className="px-2">x</Button>)).not.toMatch(/px-4/);
  });

  it("a LinkButton stays a link", () => {
    expect(html(<LinkButton href="/entreprises/nouvelle">Nouvelle entreprise</LinkButton>)).toMatch(/^<a [^>]*href="\/entreprises\/nouvelle"/);
  });

  it("a StatusBadge says its state in text, its icon is hidden", () => {
    const out = html(<StatusBadge tone="danger">En retard</StatusBadge>);
    expect(out).toMatch(/<svg aria-hidden="true" focusable="false"/);
    expect(out).toContain("En retard");
    expect(out).not.toMatch(/[⚠✓✔❌⏰🔔]/u);
  });

  it("PageHeader: one h1, a named breadcrumb with the current page marked", () => {
    const out = html(<PageHeader title="Entreprise X" breadcrumb={[{ label: "Entreprises", href: "/entreprises" }, { label: "Entreprise X" }]} />);
    expect(out.match(/<h1/g)).toHaveLength(1);
    expect(out).toMatch(/<nav aria-label="Fil d&#x27;Ariane"/);
    expect(out).toMatch(/<span aria-current="page">Entreprise X<\/span>/);
  });

  it("Section titles its block with an h2; DescriptionList shows « — » for an empty value", () => {
    expect(html(<Section title="Contacts">x</Section>)).toMatch(/<section[^>]*><div[^>]*><div[^>]*><h2[^>]*>Contacts<\/h2>/);
    expect(html(<DescriptionList items={[{ term: "NAF", value: null }]} />)).toMatch(/<dt[^>]*>NAF<\/dt><dd[^>]*>—<\/dd>/);
  });

  it("a Card keeps its element and attributes; FormSection is a fieldset with a legend, in one column when asked, and passes its attributes", () => {
    const li = html(<Card as="li" padding="sm" aria-labelledby="t" data-testid="x">y</Card>);
    expect(li).toMatch(/^<li aria-labelledby="t" data-testid="x" class="[^"]*\bp-3\b[^"]*">y<\/li>$/);
    expect(li).not.toMatch(/\bp-4\b/);
    const group = html(<FormSection title="Périmètre" columns={1} aria-describedby="perimeter-hint">z</FormSection>);
    expect(group).toMatch(/^<fieldset aria-describedby="perimeter-hint" class="[^"]*"><legend[^>]*>Périmètre<\/legend>z<\/fieldset>$/);
    expect(group).not.toContain("sm:grid-cols-2");
    expect(html(<FormSection title="Visite">z</FormSection>)).toContain("sm:grid-cols-2");
  });

  it("a table scroll box is a named, focusable region", () => {
    expect(html(<TableScroll label="Visites">t</TableScroll>)).toMatch(/^<div role="region" aria-label="Visites" tabindex="0"/);
  });
});

describe("the former module paths still export the same components", () => {
  it("form-controls, form-fields, form-sections, api-form", () => {
    expect(formControls.SelectField).toBe(SelectField);
    expect(formControls.FormError).toBe(alerts.FormError);
    expect(formFields.TextAreaField).toBe(TextAreaField);
    expect(formSections.YesNoField).toBe(YesNoField);
    expect(typeof formSections.options).toBe("function");
    expect(apiForm.FormAlert).toBe(alerts.FormAlert);
    expect(typeof apiForm.sendJson).toBe("function");
  });
});
