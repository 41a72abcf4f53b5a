// Tranches, withholding, France Travail penalties and refund orders (shared/DOMAIN.md §4). Pure:
// no Prisma, no Next, no clock — `now` and every fact come in as parameters.
//
// A tranche is PLANNED until the documents its rule requires are received, then claimable (DUE,
// "Exigible"); the platform claims it (REQUESTED, "Demandée"); finance records the payment (PAID).
import { addDaysUtc } from "@/lib/calendar-day";
import { formatCents, formatDate } from "@/lib/format";
import type { TrancheRule } from "@/lib/rules/rule-set.schema";
import { trancheDocuments } from "@/lib/rules/rule-set.schema";
import { applyRate, percent } from "@/lib/subsidy/subsidy.rules";

export type TrancheDocument = (typeof trancheDocuments)[number];
export type TrancheStatusName = "PLANNED" | "DUE" | "REQUESTED" | "PAID" | "CANCELLED";

export const TRANCHE_STATUS_LABELS: Record<TrancheStatusName, string> = {
  PLANNED: "Prévue", DUE: "Exigible", REQUESTED: "Demandée", PAID: "Versée", CANCELLED: "Annulée",
};

export const TRANCHE_DOCUMENT_LABELS: Record<TrancheDocument, string> = {
  START_ATTESTATION: "Attestation de démarrage",
  INTERMEDIATE_REPORT: "Rapport intermédiaire",
  FINAL_REPORT: "Rapport final",
  FINAL_REVIEW_MEETING: "Réunion de bilan final",
  RECEIPTS: "Justificatifs joints à la tranche",
  ACTIVITY_BILAN: "Bilan d'activité de la plateforme",
};

/** Which file date records each document (RECEIPTS: counted from the receipts attached to the tranche). */
export const DOCUMENT_DATE_FIELD = {
  START_ATTESTATION: "startAttestationAt",
  INTERMEDIATE_REPORT: "intermediateReportAt",
  FINAL_REPORT: "finalReportAt",
  FINAL_REVIEW_MEETING: "finalReviewMeetingAt",
  ACTIVITY_BILAN: "activityBilanReceivedAt",
} as const satisfies Record<Exclude<TrancheDocument, "RECEIPTS">, string>;
export type DocumentDateField = (typeof DOCUMENT_DATE_FIELD)[keyof typeof DOCUMENT_DATE_FIELD];

const ANCHOR_DEFAULT: Record<TrancheRule["anchor"], TrancheDocument[]> = {
  SIGNATURE: ["START_ATTESTATION"],
  INTERMEDIATE_REPORT: ["INTERMEDIATE_REPORT"],
  FINAL_REVIEW_MEETING: ["FINAL_REVIEW_MEETING"],
};

/** The documents a tranche rule requires: its explicit list, or the document of its anchor. */
export function requiredDocuments(rule: Pick<TrancheRule, "anchor" | "requires">): TrancheDocument[] {
  return rule.requires ?? ANCHOR_DEFAULT[rule.anchor];
}

/**
 * Issue 22 §4 — cadre d'intervention §5 « Modalités administratives »: « Le paiement de la
 * subvention se fera sur présentation d'un bilan d'activité de la plateforme et des différents
 * justificatifs de dépenses ». When the Région rule set says so (`paymentRequiresActivityBilan`),
 * every tranche also waits for the activity bilan, first in its list.
 */
export function withActivityBilan(docs: TrancheDocument[], required: boolean): TrancheDocument[] {
  return required && !docs.includes("ACTIVITY_BILAN") ? ["ACTIVITY_BILAN", ...docs] : docs;
}

export interface TrancheFacts {
  documentDates: Partial<Record<DocumentDateField, Date | null>>;
  /** Receipts attached to this tranche. */
  receiptCount: number;
}

export interface ConditionState {
  document: TrancheDocument;
  label: string;
  met: boolean;
  /** Date the document was received (null for receipts or when missing). */
  at: Date | null;
}

export function trancheConditions(required: TrancheDocument[], facts: TrancheFacts): ConditionState[] {
  return required.map((document) => {
    if (document === "RECEIPTS") return { document, label: TRANCHE_DOCUMENT_LABELS[document], met: facts.receiptCount > 0, at: null };
    const at = facts.documentDates[DOCUMENT_DATE_FIELD[document]] ?? null;
    return { document, label: TRANCHE_DOCUMENT_LABELS[document], met: at !== null, at };
  });
}

/**
 * Status of a tranche from the facts: PAID once payments cover it, REQUESTED once claimed (and
 * still claimable), DUE when every condition is met, PLANNED otherwise. CANCELLED stays.
 */
export function trancheStatus(t: {
  stored: TrancheStatusName;
  amountCents: number;
  paidCents: number;
  claimed: boolean;
  conditions: ConditionState[];
}): TrancheStatusName {
  if (t.stored === "CANCELLED") return "CANCELLED";
  // A recorded payment settles the tranche even below its amount (withholding): it stays paid.
  if (t.stored === "PAID" || t.paidCents >= t.amountCents) return "PAID";
  if (!t.conditions.every((c) => c.met)) return "PLANNED";
  return t.claimed ? "REQUESTED" : "DUE";
}

/** Why the platform cannot claim a tranche now, or null. */
export function claimRefusal(status: TrancheStatusName, conditions: ConditionState[]): string | null {
  if (status === "PAID") return "Cette tranche est déjà versée.";
  if (status === "CANCELLED") return "Cette tranche est annulée.";
  if (status === "REQUESTED") return "Le versement de cette tranche est déjà demandé.";
  const missing = conditions.filter((c) => !c.met).map((c) => c.label.toLowerCase());
  if (missing.length) return `Conditions non remplies : ${missing.join(", ")}.`;
  return null;
}

// ───────────────────────── withholding (convention cadre art. 7) ─────────────────────────

export interface WithholdingInput {
  fiscalYearEnd: Date | null;
  financialReportReceivedAt: Date | null;
  formalNoticeAt: Date | null;
  awardedCents: number | null;
  paidCents: number;
}

export interface WithholdingRules {
  financialReportMonthsAfterFiscalYearEnd: number;
  formalNoticeResponseDays?: number;
  financialReportWithholdingBp?: number | null;
}

export type WithholdingStage = "NONE" | "REPORT_LATE" | "NOTICE_PENDING" | "WITHHOLDING" | "RATE_UNSET";

export interface WithholdingResult {
  stage: WithholdingStage;
  /** Amount withheld from what remains to pay (0 unless stage WITHHOLDING). */
  withheldCents: number;
  /** From when the withholding applies (notice date + response days). */
  appliesFrom: Date | null;
  message: string;
}


/**
 * Financial report late → formal notice → withholding once the notice stays unanswered for the
 * response delay. The withheld amount = rate × award, limited to what remains to pay (a withholding
 * holds back payments; it is not a refund).
 */
export function computeWithholding(input: WithholdingInput, rules: WithholdingRules, reportDueAt: Date | null, now: Date): WithholdingResult {
  const none = (message: string, stage: WithholdingStage = "NONE"): WithholdingResult => ({ stage, withheldCents: 0, appliesFrom: null, message });
  if (!input.fiscalYearEnd || !reportDueAt || input.awardedCents === null) return none("Pas de retenue : aucun compte rendu financier attendu.");
  if (input.financialReportReceivedAt) return none("Pas de retenue : compte rendu financier reçu.");
  if (now <= reportDueAt) return none(`Pas de retenue : compte rendu financier attendu au plus tard le ${formatDate(reportDueAt)}.`);
  if (!input.formalNoticeAt) {
    return none(`Compte rendu financier en retard depuis le ${formatDate(reportDueAt)} : envoyer une mise en demeure avant toute retenue.`, "REPORT_LATE");
  }
  const appliesFrom = addDaysUtc(input.formalNoticeAt, rules.formalNoticeResponseDays ?? 0);
  if (now < appliesFrom) {
    return { stage: "NOTICE_PENDING", withheldCents: 0, appliesFrom, message: `Mise en demeure du ${formatDate(input.formalNoticeAt)} : retenue applicable à partir du ${formatDate(appliesFrom)} sans réponse.` };
  }
  const bp = rules.financialReportWithholdingBp;
  if (bp === null || bp === undefined) {
    return { stage: "RATE_UNSET", withheldCents: 0, appliesFrom, message: "Mise en demeure restée sans réponse, mais le taux de retenue n'est pas fixé dans le jeu de règles « Délais » : un administrateur doit le renseigner." };
  }
  const remaining = Math.max(0, input.awardedCents - input.paidCents);
  const atRate = applyRate(input.awardedCents, bp);
  const withheldCents = Math.min(atRate, remaining);
  return {
    stage: "WITHHOLDING", withheldCents, appliesFrom,
    message: `Mise en demeure du ${formatDate(input.formalNoticeAt)} restée sans réponse : retenue de ${percent(bp)} × ${formatCents(input.awardedCents)} = ${formatCents(atRate)}` +
      (withheldCents < atRate ? `, limitée au reste à verser (${formatCents(remaining)}) : ${formatCents(withheldCents)}.` : "."),
  };
}

// ───────────────────────── France Travail penalties (convention art. 8) ─────────────────────────

export const FT_BREACHES = {
  MISUSE: "Contribution utilisée à d'autres fins que le projet",
  EU_STATE_AID: "Non-respect du droit européen des aides publiques",
  INACCURATE: "Informations inexactes ou incomplètes",
  INACCURATE_DELIBERATE: "Informations inexactes : manquement délibéré",
  FRAUD: "Informations inexactes : manœuvres frauduleuses",
} as const;
export type FtBreach = keyof typeof FT_BREACHES;

export interface PenaltyResult {
  breach: FtBreach;
  /** Part of the contribution to refund. */
  refundCents: number;
  surchargeBp: number;
  surchargeCents: number;
  totalCents: number;
  /** The convention is terminated by right (art. 14 3). */
  termination: boolean;
  steps: string[];
}

/**
 * Art. 8: misuse → the part used otherwise is refunded; EU state aid breach → the whole allocated
 * contribution; inaccurate information → the whole contribution, increased by 50 % (deliberate)
 * or 100 % (fraud) under CRPA L.115-1. "Allocated" is the award. Every case terminates the convention.
 */
export function computeFtPenalty(
  breach: FtBreach,
  f: { awardedCents: number; misusedCents?: number | null },
  rules: { deliberateSurchargeBp: number; fraudSurchargeBp: number },
): PenaltyResult {
  const steps: string[] = [`Manquement constaté : ${FT_BREACHES[breach]}.`];
  let refundCents: number;
  if (breach === "MISUSE") {
    refundCents = Math.min(Math.max(0, f.misusedCents ?? 0), f.awardedCents);
    steps.push(`Part utilisée à d'autres fins à reverser : ${formatCents(refundCents)}.`);
  } else {
    refundCents = f.awardedCents;
    steps.push(`Reversement de la totalité de la contribution allouée : ${formatCents(refundCents)}.`);
  }
  const surchargeBp = breach === "INACCURATE_DELIBERATE" ? rules.deliberateSurchargeBp : breach === "FRAUD" ? rules.fraudSurchargeBp : 0;
  const surchargeCents = applyRate(refundCents, surchargeBp);
  if (surchargeBp > 0) steps.push(`Majoration de ${percent(surchargeBp)} (CRPA art. L.115-1) : ${formatCents(surchargeCents)}.`);
  const totalCents = refundCents + surchargeCents;
  steps.push(`Total à reverser : ${formatCents(totalCents)} ; convention résiliée de plein droit (art. 14 3).`);
  return { breach, refundCents, surchargeBp, surchargeCents, totalCents, termination: true, steps };
}

// ───────────────────────── refund orders ─────────────────────────

/** Next ordre de reversement number of a year: OR-2026-0001, OR-2026-0002… */
export function nextRefundOrderNumber(year: number, existing: string[]): string {
  const prefix = `OR-${year}-`;
  const max = existing.filter((n) => n.startsWith(prefix)).reduce((m, n) => Math.max(m, Number(n.slice(prefix.length)) || 0), 0);
  return `${prefix}${String(max + 1).padStart(4, "0")}`;
}

/** Why a refund order cannot be issued for `amountCents`, or null. */
export function refundOrderRefusal(amountCents: number, refundableCents: number, alreadyOrderedCents: number): string | null {
  if (amountCents <= 0) return "Le montant de l'ordre de reversement doit être positif.";
  const left = refundableCents - alreadyOrderedCents;
  if (amountCents > left) {
    return `Ordre de reversement refusé : ${formatCents(amountCents)} dépasse le montant à reverser restant (${formatCents(Math.max(0, left))} sur ${formatCents(refundableCents)}).`;
  }
  return null;
}
