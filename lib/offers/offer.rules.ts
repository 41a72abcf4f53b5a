// Job-offer lifecycle: the status state machine, hires against positions, and staleness dates.
// Pure: no Prisma, no Next, no clock (callers pass `now` and the active OPERATIONS rule set).
import { differenceInCalendarDaysUtc } from "@/lib/calendar-day";
import { addParisDays, parisDate } from "@/lib/paris-day";

export const OFFER_STATUSES = ["DRAFT", "OPEN", "PARTIALLY_FILLED", "FILLED", "CANCELLED", "EXPIRED"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = {
  DRAFT: "Brouillon",
  OPEN: "Ouverte",
  PARTIALLY_FILLED: "Partiellement pourvue",
  FILLED: "Pourvue",
  CANCELLED: "Annulée",
  EXPIRED: "Expirée",
};

/** Allowed manual and automatic transitions. Filling states follow hires (see statusForFilled). */
const TRANSITIONS: Record<OfferStatus, readonly OfferStatus[]> = {
  DRAFT: ["OPEN", "CANCELLED"],
  OPEN: ["PARTIALLY_FILLED", "FILLED", "CANCELLED", "EXPIRED"],
  PARTIALLY_FILLED: ["FILLED", "CANCELLED", "EXPIRED"],
  FILLED: [],
  CANCELLED: [],
  // An expired offer can be republished when the company confirms it still recruits.
  EXPIRED: ["OPEN"],
};

export function allowedTransitions(from: OfferStatus): readonly OfferStatus[] {
  return TRANSITIONS[from];
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };

export function checkTransition(from: OfferStatus, to: OfferStatus): RuleResult<OfferStatus> {
  if (from === to) return { ok: false, message: `L'offre est déjà « ${OFFER_STATUS_LABELS[to]} ».` };
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].map((s) => `« ${OFFER_STATUS_LABELS[s]} »`).join(", ");
    return {
      ok: false,
      message: `Une offre « ${OFFER_STATUS_LABELS[from]} » ne peut pas passer à « ${OFFER_STATUS_LABELS[to]} »${allowed ? ` (possible : ${allowed})` : " (état définitif)"}.`,
    };
  }
  return { ok: true, value: to };
}

/** The filling status implied by the number of positions filled. */
export function statusForFilled(positions: number, filled: number): OfferStatus {
  if (filled <= 0) return "OPEN";
  return filled >= positions ? "FILLED" : "PARTIALLY_FILLED";
}

export interface OfferFill {
  status: OfferStatus;
  positions: number;
  positionsFilled: number;
}

/** One more hire on the offer: refused when the offer is not open or already full. */
export function applyHire(offer: OfferFill): RuleResult<OfferFill> {
  if (offer.status !== "OPEN" && offer.status !== "PARTIALLY_FILLED") {
    return { ok: false, message: `Impossible d'enregistrer une embauche sur une offre « ${OFFER_STATUS_LABELS[offer.status]} ».` };
  }
  if (offer.positionsFilled >= offer.positions) {
    return { ok: false, message: `Tous les postes de cette offre sont déjà pourvus (${offer.positions}).` };
  }
  const positionsFilled = offer.positionsFilled + 1;
  return { ok: true, value: { ...offer, positionsFilled, status: statusForFilled(offer.positions, positionsFilled) } };
}

/** A hire cancelled (e.g. a proposal corrected): frees one position. */
export function undoHire(offer: OfferFill): RuleResult<OfferFill> {
  if (offer.positionsFilled <= 0) return { ok: false, message: "Aucun poste pourvu à libérer sur cette offre." };
  if (offer.status === "CANCELLED" || offer.status === "EXPIRED") {
    return { ok: false, message: `L'offre est « ${OFFER_STATUS_LABELS[offer.status]} » : rouvrez-la d'abord.` };
  }
  const positionsFilled = offer.positionsFilled - 1;
  return { ok: true, value: { ...offer, positionsFilled, status: statusForFilled(offer.positions, positionsFilled) } };
}

/** Positions may change on edit, but never below what is already filled. */
export function checkPositions(positions: number, positionsFilled: number): RuleResult<number> {
  if (!Number.isInteger(positions) || positions < 1) return { ok: false, message: "Le nombre de postes doit être un entier d'au moins 1." };
  if (positions < positionsFilled) return { ok: false, message: `${positionsFilled} poste(s) sont déjà pourvus : le nombre de postes ne peut pas être inférieur.` };
  return { ok: true, value: positions };
}

export interface StalenessRules {
  offerStaleDays: number;
  offerExpireDays: number;
  offerExpiryNoticeDays: number;
}

export type Staleness =
  | { state: "ACTIVE"; staleOn: Date; expiresOn: Date }
  | { state: "STALE"; staleOn: Date; expiresOn: Date; noticeDue: boolean; daysLeft: number }
  | { state: "EXPIRE_NOW"; staleOn: Date; expiresOn: Date };

/**
 * Where an open offer stands, counted in calendar days from its last activity (creation, edit,
 * proposal, hire): flagged after offerStaleDays, expired after offerExpireDays, with a notice
 * offerExpiryNoticeDays before. Only OPEN and PARTIALLY_FILLED offers go stale.
 */
export function offerStaleness(lastActivityAt: Date, now: Date, rules: StalenessRules): Staleness {
  // Calendar days in Paris, not the server's (date-fns reads the process zone): the Paris day of
  // staleOn is the one from which `idle` reaches offerStaleDays.
  const staleOn = addParisDays(lastActivityAt, rules.offerStaleDays);
  const expiresOn = addParisDays(lastActivityAt, rules.offerExpireDays);
  const idle = differenceInCalendarDaysUtc(parisDate(now), parisDate(lastActivityAt));
  if (idle >= rules.offerExpireDays) return { state: "EXPIRE_NOW", staleOn, expiresOn };
  if (idle >= rules.offerStaleDays) {
    const daysLeft = rules.offerExpireDays - idle;
    return { state: "STALE", staleOn, expiresOn, daysLeft, noticeDue: daysLeft <= rules.offerExpiryNoticeDays };
  }
  return { state: "ACTIVE", staleOn, expiresOn };
}

export function goesStale(status: OfferStatus): boolean {
  return status === "OPEN" || status === "PARTIALLY_FILLED";
}
