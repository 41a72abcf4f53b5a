// NAF rév. 2 at every level (division « 56 », group « 56.1 », class « 56.10 », sub-class « 56.10A »)
// from the npm package @socialgouv/codes-naf (INSEE's nomenclature), for filters that take a code
// prefix (« Prospection » : secteur). Pure: the list ships with the package, no database needed.
// The value is the compact code (« 561 », « 5610A »), which the filters match as a prefix.
import naf from "@socialgouv/codes-naf/index.json";
import type { RefOption } from "@/lib/reference/reference.schema";
import { normalizeSearch } from "@/lib/search/normalize";

interface NafEntry { id: string; label: string }

const LEVEL_NAMES = ["division", "groupe", "classe", "sous-classe"] as const;

interface Sector { code: string; id: string; label: string; level: number; search: string }

const SECTORS: readonly Sector[] = (naf as NafEntry[])
  .filter((n) => /^\d\d(\.\d(\d[A-Z]?)?)?$/.test(n.id))
  .map((n) => {
    const code = n.id.replace(".", "");
    const level = n.id.length === 2 ? 0 : n.id.length === 4 ? 1 : n.id.length === 5 ? 2 : 3;
    return { code, id: n.id, label: n.label, level, search: normalizeSearch(`${n.id} ${code} ${n.label}`) };
  });
const BY_CODE = new Map(SECTORS.map((s) => [s.code, s]));

export const nafSectorLabel = (s: { id: string; label: string }) => `${s.id} — ${s.label}`;

function option(s: Sector): RefOption {
  return { value: s.code, label: nafSectorLabel(s), description: `NAF, ${LEVEL_NAMES[s.level]}` };
}

/**
 * Sectors by code (« 56 », « 56.1 », « 4711 ») or by words of the label (« restauration »,
 * « boulangerie »): the widest levels first (a division before its sub-classes), then by code.
 */
export function searchNafSectors(q: string, limit = 20): RefOption[] {
  const compact = q.replace(/[\s.]/g, "").toUpperCase();
  const words = normalizeSearch(q).replace(/[-'’,]/g, " ").split(" ").filter(Boolean).slice(0, 6);
  if (words.length === 0) return [];
  const byCode = /^\d{1,4}[A-Z]?$/.test(compact);
  const hits = SECTORS.filter((s) => (byCode ? s.code.startsWith(compact) : words.every((w) => s.search.includes(w))));
  return [...hits].sort((a, b) => a.level - b.level || a.code.localeCompare(b.code)).slice(0, limit).map(option);
}

/** The option of a filter value (« 56 » → « 56 — Restauration »); a prefix unknown to the nomenclature stays readable. */
export function nafSectorOption(code: string | null | undefined): RefOption | null {
  if (!code) return null;
  const s = BY_CODE.get(code.replace(/[\s.]/g, "").toUpperCase());
  return s ? option(s) : { value: code, label: `Codes NAF commençant par « ${code} »` };
}
