// Issue 14 §2 — the NAF sector filter (a code prefix) searched by words or code at every level of
// the nomenclature, always shown with its label.
import { describe, expect, it } from "vitest";
import { nafSectorOption, searchNafSectors } from "@/lib/reference/naf-sectors";

describe("secteurs NAF (filtre par début de code)", () => {
  it("par mots : la division d'abord, puis ses groupes, classes et sous-classes, avec leurs libellés", () => {
    const hits = searchNafSectors("restauration");
    expect(hits[0]).toEqual({ value: "56", label: "56 — Restauration", description: "NAF, division" });
    expect(hits.map((h) => h.label)).toContain("56.10A — Restauration traditionnelle");
    const levels = hits.map((h) => h.value.length);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it("sans accent ni majuscule, plusieurs mots", () => {
    expect(searchNafSectors("BOULANGERIE patisserie").map((h) => h.value)).toContain("1071C");
    expect(searchNafSectors("supermarches").map((h) => h.label)).toContain("47.11D — Supermarchés");
  });

  it("par code, avec ou sans point", () => {
    expect(searchNafSectors("43.21").map((h) => h.value)).toEqual(["4321", "4321A", "4321B"]);
    expect(searchNafSectors("4711")[0]!.label).toBe("47.11 — Commerce de détail en magasin non spécialisé à prédominance alimentaire");
    expect(searchNafSectors("  ")).toEqual([]);
    expect(searchNafSectors("zzzz")).toEqual([]);
  });

  it("montre une valeur de filtre par son libellé ; un début de code inconnu reste lisible", () => {
    expect(nafSectorOption("561")?.label).toBe("56.1 — Restaurants et services de restauration mobile");
    expect(nafSectorOption("56.10A")?.value).toBe("5610A");
    expect(nafSectorOption("04")).toEqual({ value: "04", label: "Codes NAF commençant par « 04 »" });
    expect(nafSectorOption(undefined)).toBeNull();
  });
});
