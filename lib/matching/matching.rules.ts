// Fit between a job offer and a job seeker: same ROME code, place within the person's mobility
// perimeter, contract wanted, availability. Pure: the service passes the commune reference rows.

export interface Place {
  inseeCode: string;
  epciCode: string | null;
  departmentCode: string;
}

export interface OfferForMatch {
  romeCode: string | null;
  contractType: string;
  place: Place | null;
}

export interface SeekerForMatch {
  desiredRomeCodes: readonly string[];
  /** The contract sought (or held when in activity). */
  contractType: string | null;
  mobilityScope: "COMMUNE" | "EPCI" | "DEPARTEMENT" | "REGION" | null;
  mobilityCodes: readonly string[];
  /** Home commune, used when no perimeter was recorded. */
  home: Place | null;
  inActivity: boolean | null;
  wantsChange: boolean | null;
  /** Already hired through the platform and still in that job. */
  hired: boolean;
}

/** INSEE region code → its départements (Hauts-de-France: the only region of the platforms). */
export const REGION_DEPARTMENTS: Record<string, readonly string[]> = { "32": ["02", "59", "60", "62", "80"] };

/**
 * Weights of each criterion (sum 100). Ranking weights, not a business figure from the conventions:
 * the job matters most, then whether the person can get there.
 */
export const MATCH_WEIGHTS = { rome: 40, place: 30, contract: 15, available: 15 } as const;

export interface MatchResult {
  score: number;
  rome: boolean;
  place: boolean;
  contract: boolean;
  available: boolean;
}

export function placeWithinPerimeter(place: Place, s: Pick<SeekerForMatch, "mobilityScope" | "mobilityCodes" | "home">): boolean {
  switch (s.mobilityScope) {
    case "COMMUNE":
      return s.mobilityCodes.includes(place.inseeCode);
    case "EPCI":
      return place.epciCode !== null && s.mobilityCodes.includes(place.epciCode);
    case "DEPARTEMENT":
      return s.mobilityCodes.includes(place.departmentCode);
    case "REGION":
      return s.mobilityCodes.some((r) => REGION_DEPARTMENTS[r]?.includes(place.departmentCode));
    default:
      // No perimeter recorded: the home commune's EPCI is the prudent default.
      if (!s.home) return false;
      return s.home.inseeCode === place.inseeCode || (s.home.epciCode !== null && s.home.epciCode === place.epciCode);
  }
}

export function isAvailable(s: Pick<SeekerForMatch, "inActivity" | "wantsChange" | "hired">): boolean {
  if (s.hired) return false;
  return s.inActivity !== true || s.wantsChange === true;
}

export function matchScore(offer: OfferForMatch, s: SeekerForMatch): MatchResult {
  const rome = offer.romeCode !== null && s.desiredRomeCodes.includes(offer.romeCode);
  const place = offer.place !== null && placeWithinPerimeter(offer.place, s);
  const contract = s.contractType !== null && s.contractType === offer.contractType;
  const available = isAvailable(s);
  const score = (rome ? MATCH_WEIGHTS.rome : 0) + (place ? MATCH_WEIGHTS.place : 0) + (contract ? MATCH_WEIGHTS.contract : 0) + (available ? MATCH_WEIGHTS.available : 0);
  return { score, rome, place, contract, available };
}

/** Best fit first; ties broken by a stable key so pages do not reshuffle between requests. */
export function rankMatches<T extends { match: MatchResult; key: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.match.score - a.match.score || a.key.localeCompare(b.key));
}
