// Workflow of a subsidy file: which step leads from which status to which, and which permission it
// needs. Pure: the service checks the role with can() and the current status with nextStatus().
import type { Action } from "@/lib/authz/policy";

/** Mirrors the Prisma enum SubsidyStatus (kept literal so this module stays Prisma-free). */
export const SUBSIDY_STATUSES = ["DRAFT", "SUBMITTED", "UNDER_REVIEW", "RETURNED", "AWARDED", "SIGNED", "REJECTED", "CLOSED", "LAPSED", "TERMINATING", "TERMINATED"] as const;
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
  TERMINATING: "Résiliation notifiée",
  TERMINATED: "Résilié",
};

export const TRANSITIONS = ["submit", "startReview", "sendBack", "approve", "reject", "sign", "close", "substantialChange", "amendment", "notifyTermination", "terminate", "lapse"] as const;
export type TransitionName = (typeof TRANSITIONS)[number];

/**
 * Events of the file's history that are not workflow steps (no change of status): a tranche claimed,
 * a payment recorded (with, since issue 22 §4, the reason of a payment made without its pieces), a
 * refund order, a France Travail breach, a formal notice, and the indicators of a signed Région
 * convention changed under a recorded amendment (`indicatorsAmended`).
 */
export const FILE_EVENTS = ["claimTranche", "paymentRecorded", "refundOrderIssued", "refundOrderPaid", "ftBreach", "formalNotice", "indicatorsAmended"] as const;

export interface TransitionDef {
  from: readonly SubsidyStatusName[];
  to: SubsidyStatusName;
  permission: Action;
  label: string;
  /** A comment the platform will read (sending back, refusal) is mandatory. */
  commentRequired: boolean;
  /** The step records the date of an act (`at`): a letter received, an amendment signed, a decision. */
  needsDate?: boolean;
}

export const TRANSITION_DEFS: Record<TransitionName, TransitionDef> = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED", permission: "subsidy.submit", label: "Déposer la demande", commentRequired: false },
  startReview: { from: ["SUBMITTED"], to: "UNDER_REVIEW", permission: "subsidy.review", label: "Prendre en instruction", commentRequired: false },
  sendBack: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "RETURNED", permission: "subsidy.review", label: "Renvoyer pour correction", commentRequired: true },
  approve: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "AWARDED", permission: "subsidy.approve", label: "Attribuer la subvention", commentRequired: false },
  reject: { from: ["SUBMITTED", "UNDER_REVIEW"], to: "REJECTED", permission: "subsidy.approve", label: "Refuser la demande", commentRequired: true },
  sign: { from: ["AWARDED"], to: "SIGNED", permission: "subsidy.approve", label: "Enregistrer la signature de la convention", commentRequired: false },
  close: { from: ["SIGNED", "TERMINATED"], to: "CLOSED", permission: "subsidy.approve", label: "Solder le dossier", commentRequired: false },
  // FT art. 8 last paragraph: the porteur « en informe sans délai France Travail » (date + what changes).
  substantialChange: { from: ["SIGNED"], to: "SIGNED", permission: "subsidy.write", label: "Signaler une modification substantielle", commentRequired: true, needsDate: true },
  // FT art. 8 → 13.1: the parties agree on an amendment (avenant); the reported change is settled.
  amendment: { from: ["SIGNED"], to: "SIGNED", permission: "subsidy.approve", label: "Enregistrer un avenant", commentRequired: true, needsDate: true },
  // FT art. 14, Région convention cadre art. 11: notified with its mode and date; payments suspended.
  notifyTermination: { from: ["SIGNED"], to: "TERMINATING", permission: "subsidy.approve", label: "Notifier la résiliation", commentRequired: true, needsDate: true },
  terminate: { from: ["TERMINATING"], to: "TERMINATED", permission: "subsidy.approve", label: "Constater la résiliation effective", commentRequired: false },
  // Région convention cadre art. 11 « sous peine de caducité »: a decision of finance, with its date.
  lapse: { from: ["AWARDED", "SIGNED"], to: "LAPSED", permission: "subsidy.approve", label: "Constater la caducité", commentRequired: true, needsDate: true },
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

/**
 * A signed convention is changed by amendment only (« avenant »: FT art. 13.1 « La convention peut
 * être modifiée par avenant », the Région's conventions likewise): once signed, its chosen
 * indicators and targets change only by citing an amendment recorded on the file.
 */
export function indicatorsNeedAmendment(file: { signedAt: Date | null }): boolean {
  return file.signedAt !== null;
}

/** Payments are recorded on a signed convention only. */
export function paymentsOpen(status: SubsidyStatusName): boolean {
  return status === "SIGNED";
}
