import { describe, expect, it } from "vitest";
import { renderAccessHtml, toPortableCsv, toPortableJson } from "@/lib/rights/access-document";

const data = {
  generatedAt: new Date("2026-11-20T10:00:00Z"),
  person: { lastName: "<script>alert(1)</script>", birthDate: new Date("1990-05-17T00:00:00Z"), rsa: true, transportModes: ["VOITURE", "VELO"], brandNewColumn: "valeur; avec \"guillemets\"" },
  sections: [{ title: "Échanges", rows: [{ at: new Date("2026-11-02T09:00:00Z"), kind: "APPEL", summary: "Rappel\nà faire" }] }, { title: "Propositions", rows: [] }],
};

describe("access document", () => {
  it("escapes the person's data, labels known columns and keeps unknown ones under their own name", () => {
    const html = renderAccessHtml(data, { controller: "Région Hauts-de-France", requestId: "r-1" });
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('<tr data-field="lastName"><th scope="row">Nom</th>');
    expect(html).toContain('<tr data-field="brandNewColumn"><th scope="row">brandNewColumn</th>');
    expect(html).toContain("VOITURE, VELO");
    expect(html).toContain("<td>oui</td>");
    expect(html).toContain("Échanges (1)");
    expect(html).toContain("Propositions (0)</h2><p>Aucune donnée.</p>");
  });

  it("writes dates in French in the HTML document (a birth date as JJ/MM/AAAA, instants in Paris time)", () => {
    const html = renderAccessHtml(data, { controller: "Région Hauts-de-France", requestId: "r-1" });
    expect(html).toContain("<td>17/05/1990</td>");
    expect(html).not.toContain("1990-05-17");
    expect(html).toContain("<td>02/11/2026 10:00</td>");
    expect(html).toContain("Document établi le 20/11/2026 11:00");
  });

  it("gives the same data as JSON and as semicolon CSV with quoting", () => {
    const json = JSON.parse(toPortableJson(data)) as { person: Record<string, unknown>; Échanges: unknown[] };
    expect(json.person.lastName).toBe("<script>alert(1)</script>");
    expect(json.Échanges).toHaveLength(1);
    const csv = toPortableCsv(data);
    expect(csv.startsWith("\uFEFFsection;ligne;champ;valeur\r\n")).toBe(true);
    expect(csv).toContain('Fiche;1;brandNewColumn;"valeur; avec ""guillemets"""');
    expect(csv).toContain('Échanges;1;summary;"Rappel\nà faire"');
    expect(csv).toContain("Fiche;1;birthDate;1990-05-17T00:00:00.000Z");
  });
});
