import { describe, expect, it } from "vitest";
import { generateSiret, isValidSiren, isValidSiret, LA_POSTE_SIREN, luhnValid, withLuhnKey } from "@/lib/rules/siret.rules";

/** Deterministic [0, 1) sequence, enough to exercise the generator. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

describe("siret.rules", () => {
  it("accepte des SIRET réels et refuse une clé fausse", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("73282932000075")).toBe(false);
  });

  it("refuse ce qui n'a pas exactement 14 chiffres", () => {
    for (const s of ["", "7328293200007", "732829320000740", "7328293200007A", " 73282932000074"]) {
      expect(isValidSiret(s)).toBe(false);
    }
  });

  it("applique la règle de La Poste (somme des chiffres multiple de 5)", () => {
    expect(isValidSiret("35600000000048")).toBe(true); // siège, aussi valide selon Luhn
    const body = `${LA_POSTE_SIREN}1234`;
    const sum = [...body].reduce((s, c) => s + Number(c), 0);
    const key = (5 - (sum % 5)) % 5;
    const siret = `${body}${key}`;
    expect(luhnValid(siret)).toBe(false);
    expect(isValidSiret(siret)).toBe(true);
    expect(isValidSiret(`${body}${(key + 1) % 10}`)).toBe(false);
  });

  it("withLuhnKey complète un numéro pour qu'il passe Luhn", () => {
    expect(withLuhnKey("73282932")).toBe("732829320");
    expect(luhnValid(withLuhnKey("2462003640001"))).toBe(true);
  });

  it("generateSiret produit des SIRET et SIREN valides, jamais celui de La Poste", () => {
    const rng = lcg(42);
    for (let i = 0; i < 500; i++) {
      const siret = generateSiret(rng);
      expect(siret).toMatch(/^[1-9]\d{13}$/);
      expect(isValidSiret(siret)).toBe(true);
      expect(isValidSiren(siret.slice(0, 9))).toBe(true);
      expect(siret.startsWith(LA_POSTE_SIREN)).toBe(false);
    }
  });
});
