// Proposal (positionnement) state machine: proposé → accepté / refusé → entretien → embauché /
// non retenu. Pure: no Prisma, no Next, no clock (callers pass `now`).
import { isInFuture } from "@/lib/fields.schema";

export const PROPOSAL_KINDS = ["JOB", "TRAINING", "ACCOMPANIMENT"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ["PROPOSED", "ACCEPTED", "REFUSED", "INTERVIEW", "HIRED", "NOT_RETAINED"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const CONTRACT_TYPES = ["CDI", "CDD", "ALTERNANCE", "APPRENTISSAGE", "INTERIM", "CONTRAT_AIDE", "AUTRE"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

export const PROPOSAL_KIND_LABELS: Record<ProposalKind, string> = { JOB: "Offre d'emploi", TRAINING: "Formation", ACCOMPANIMENT: "Accompagnement" };
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  PROPOSED: "Proposé",
  ACCEPTED: "Accepté",
  REFUSED: "Refusé",
  INTERVIEW: "Entretien",
  HIRED: "Embauché",
  NOT_RETAINED: "Non retenu",
};
export const CONTRACT_LABELS: Record<ContractType, string> = {
  CDI: "CDI", CDD: "CDD", ALTERNANCE: "Alternance", APPRENTISSAGE: "Apprentissage", INTERIM: "Intérim", CONTRAT_AIDE: "Contrat aidé", AUTRE: "Autre",
};

/** Why a person refuses a proposal (the list shown on screen; "Autre" requires a comment). */
export const REFUSAL_REASONS = [
  "Distance / transport",
  "Horaires incompatibles",
  "Salaire insuffisant",
  "Type de contrat",
  "Garde d'enfants",
  "Pas disponible",
  "Ne correspond pas au projet",
  "Autre",
] as const;
/** Why the employer did not retain the person. */
export const NOT_RETAINED_REASONS = [
  "Profil ne correspondant pas",
  "Expérience insuffisante",
  "Candidat retenu ailleurs",
  "Poste pourvu en interne",
  "Absence à l'entretien",
  "Autre",
] as const;

/** Trainings and accompaniments end at accepted / refused; only a job goes to interview and hire. */
const JOB_TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  PROPOSED: ["ACCEPTED", "REFUSED"],
  // A direct hire without a formal interview happens (job dating): allowed from ACCEPTED.
  ACCEPTED: ["INTERVIEW", "HIRED", "NOT_RETAINED"],
  INTERVIEW: ["HIRED", "NOT_RETAINED"],
  REFUSED: [],
  HIRED: [],
  NOT_RETAINED: [],
};
const OTHER_TRANSITIONS: Record<ProposalStatus, readonly ProposalStatus[]> = {
  PROPOSED: ["ACCEPTED", "REFUSED"],
  ACCEPTED: [],
  REFUSED: [],
  INTERVIEW: [],
  HIRED: [],
  NOT_RETAINED: [],
};

export function allowedProposalTransitions(kind: ProposalKind, from: ProposalStatus): readonly ProposalStatus[] {
  return (kind === "JOB" ? JOB_TRANSITIONS : OTHER_TRANSITIONS)[from];
}

export interface TransitionInput {
  to: ProposalStatus;
  reason?: string | null;
  comment?: string | null;
  interviewAt?: Date | null;
  hiredAt?: Date | null;
  contractType?: ContractType | null;
}

/** The fields a transition writes on the proposal (besides status and statusChangedAt). */
export interface TransitionChanges {
  status: ProposalStatus;
  refusalReason?: string;
  refusalComment?: string | null;
  notRetainedReason?: string;
  interviewAt?: Date | null;
  hiredAt?: Date;
  hireContractType?: ContractType;
  /** True when the transition is a hire on a job offer: the offer gains one filled position. */
  fillsOffer: boolean;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string; field?: string };

function fail(message: string, field?: string): { ok: false; message: string; field?: string } {
  return { ok: false, message, field };
}

export function checkProposalTransition(kind: ProposalKind, from: ProposalStatus, input: TransitionInput, now: Date): RuleResult<TransitionChanges> {
  const { to } = input;
  if (!allowedProposalTransitions(kind, from).includes(to)) {
    const allowed = allowedProposalTransitions(kind, from).map((s) => `« ${PROPOSAL_STATUS_LABELS[s]} »`).join(", ");
    return fail(
      `Un positionnement « ${PROPOSAL_STATUS_LABELS[from]} » ne peut pas passer à « ${PROPOSAL_STATUS_LABELS[to]} »${allowed ? ` (possible : ${allowed})` : " (état définitif)"}.`,
      "to",
    );
  }
  const comment = input.comment?.trim() || null;
  switch (to) {
    case "REFUSED": {
      if (!input.reason || !(REFUSAL_REASONS as readonly string[]).includes(input.reason)) return fail("Choisissez le motif du refus dans la liste.", "reason");
      if (input.reason === "Autre" && !comment) return fail("Précisez le motif « Autre » en commentaire.", "comment");
      return { ok: true, value: { status: to, refusalReason: input.reason, refusalComment: comment, fillsOffer: false } };
    }
    case "NOT_RETAINED": {
      if (!input.reason || !(NOT_RETAINED_REASONS as readonly string[]).includes(input.reason)) return fail("Choisissez le motif de non-sélection dans la liste.", "reason");
      if (input.reason === "Autre" && !comment) return fail("Précisez le motif « Autre » en commentaire.", "comment");
      return { ok: true, value: { status: to, notRetainedReason: input.reason, refusalComment: comment, fillsOffer: false } };
    }
    case "INTERVIEW":
      return { ok: true, value: { status: to, interviewAt: input.interviewAt ?? null, fillsOffer: false } };
    case "HIRED": {
      if (!input.hiredAt) return fail("Indiquez la date d'embauche.", "hiredAt");
      if (isInFuture(input.hiredAt, now)) return fail("La date d'embauche ne peut pas être dans le futur.", "hiredAt");
      if (!input.contractType) return fail("Indiquez le type de contrat signé.", "contractType");
      return { ok: true, value: { status: to, hiredAt: input.hiredAt, hireContractType: input.contractType, fillsOffer: kind === "JOB" } };
    }
    default:
      return { ok: true, value: { status: to, fillsOffer: false } };
  }
}

/** A proposal still in progress (counted as an active positioning on the offer and the person). */
export function isOpenProposal(status: ProposalStatus): boolean {
  return status === "PROPOSED" || status === "ACCEPTED" || status === "INTERVIEW";
}
