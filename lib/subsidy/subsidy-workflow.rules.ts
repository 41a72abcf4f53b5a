// Workflow of a subsidy file: which step leads from which status to which, and which permission it
// needs. Pure: the service checks the role with can() and the current status with nextStatus().
import type { Action } from "@/lib/authz/policy";

/** Mirrors the Prisma enum SubsidyStatus (kept literal so this module stays Prisma-free). */
export const SUBSIDY_STATUSES = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "AWARDED", "SIGNED", "REJECTED", "CLOSED", "LAPSED"] as const;
export type SubsidyStatusName = (typeof SUBSIDY_STATUSES)[number];

export const STATUS_LABELS: Record<SubsidyStatusName, string> = {
  DRAFT: "Brouillon",
  SUBMITTED: "Déposé",
  UNDER_REVIEW: "En instruction",
  RETURNED: "Renvoyé pour correction",
  AWARDED: "Attribué",
  SIGNED: "Convention signée",
  REJECTED: "Refusé",
  CLOSED: "Soldé",
  LAPSED: "Caduc",
};

export const TRANSITIONS = ["submit", "startReview", "sendBack", "approve", "reject", "sign", "close"] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

export interface TransitionDef {
  from: readonly SubsidyStatusName[];
  to: SubsidyStatusName;
  permission: Action;
  label: string;
  /** A comment the platform will read (sending back, refusal) is mandatory. */
  commentRequired: boolean;
}

export const TRANSITION_DEFS: Record<TransitionName, TransitionDef> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "subsidy.submit", label: "Déposer la demande", commentRequired: false },
  startReview: { from: ["SUBMITTED"], to: "UNDER_REVIEW", permission: "subsidy.review", label: "Prendre en instruction", commentRequired: false },
  sendBack: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "RETURNED", permission: "subsidy.review", label: "Renvoyer pour correction", commentRequired: true },
  approve: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "AWARDED", permission: "subsidy.approve", label: "Attribuer la subvention", commentRequired: false },
  reject: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "REJECTED", permission: "subsidy.approve", label: "Refuser la demande", commentRequired: true },
  sign: { from: ["AWARDED"], to: "SIGNED", permission: "subsidy.approve", label: "Enregistrer la signature de la convention", commentRequired: false },
  close: { from: ["SIGNED"], to: "CLOSED", permission: "subsidy.approve", label: "Solder le dossier", commentRequired: false },
};

/** The status after `transition`, or null when it cannot start from `current`. */
export function nextStatus(transition: TransitionName, current: SubsidyStatusName): SubsidyStatusName | null {
  const def = TRANSITION_DEFS[transition];
  return def.from.includes(current) ? def.to : null;
}

/** Steps offered on a file in `status` to someone allowed the actions for which `allowed` is true. */
export function availableTransitions(status: SubsidyStatusName, allowed: (a: Action) => boolean): TransitionName[] {
  return TRANSITIONS.filter((t) => TRANSITION_DEFS[t].from.includes(status) && allowed(TRANSITION_DEFS[t].permission));
}

/** The forecast budget is edited by the platform while the file is with it. */
export function budgetEditable(status: SubsidyStatusName): boolean {
  return status === "DRAFT" || status === "RETURNED";
}

/** Actual expenses (compte rendu financier) are entered once the convention is signed. */
export function actualsEditable(status: SubsidyStatusName): boolean {
  return status === "SIGNED";
}

/** Payments are recorded on a signed convention only. */
export function paymentsOpen(status: SubsidyStatusName): boolean {
  return status === "SIGNED";
}
