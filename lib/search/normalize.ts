// Query-side twin of the database's search normalisation (lower(f_unaccent(…)), see the
// "search_unaccent_trigram" migration): lower-case, accents and ligatures removed, spaces collapsed.
const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss" };

export function normalizeSearch(input: string): string {
  return input
    .toLowerCase()
    .replace(/[œæß]/g, (c) => LIGATURES[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}
