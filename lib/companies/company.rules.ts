// Company identifiers: SIRET / SIREN (INSEE) and NAF/APE codes. Pure functions.
import { isValidSiret } from "@/lib/rules/siret.rules";

/** Keeps digits only ("123 456 789 00012" → "12345678900012"). */
export function normalizeSiret(raw: string): string {
  return raw.replace(/[\s.\-]/g, "");
}

export function siretError(raw: string): string | null {
  const s = normalizeSiret(raw);
  if (!/^\d{14}$/.test(s)) return "Le SIRET compte exactement 14 chiffres.";
  if (!isValidSiret(s)) return "Ce SIRET n'est pas valide (clé de contrôle incorrecte).";
  return null;
}

/** SIREN = the first 9 digits of the SIRET (the legal unit). */
export function sirenOf(siret: string): string {
  return normalizeSiret(siret).slice(0, 9);
}

/** NAF rév. 2 / APE: two digits, two digits, one letter ("47.11D" or "4711D"); stored without the dot. */
export function normalizeNaf(raw: string): string {
  return raw.replace(/[\s.]/g, "").toUpperCase();
}

export function isValidNaf(raw: string): boolean {
  return /^\d{4}[A-Z]$/.test(normalizeNaf(raw));
}

export function formatNaf(naf: string): string {
  return /^\d{4}[A-Z]$/.test(naf) ? `${naf.slice(0, 2)}.${naf.slice(2)}` : naf;
}

export function formatSiret(s: string): string {
  return /^\d{14}$/.test(s) ? `${s.slice(0, 3)} ${s.slice(3, 6)} ${s.slice(6, 9)} ${s.slice(9)}` : s;
}
