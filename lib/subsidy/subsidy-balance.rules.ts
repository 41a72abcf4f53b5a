// Payment schedule, payment ceiling and final balance of a subsidy (shared/DOMAIN.md §4). Pure.
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";
import { formatCents } from "@/lib/format";
import { gapNeedsExplanation } from "@/lib/subsidy/financial-report.rules";
import type { FranceTravailRules, RegionFrameworkRules, TrancheRule } from "@/lib/rules/rule-set.schema";
import { applyRate, eligibleTotal, percent, regionCap, type FunderRules, type LineInput, type PlatformSize, type Step } from "@/lib/subsidy/subsidy.rules";

export interface ScheduledTranche {
  rank: number;
  label: string;
  shareBp: number;
  amountCents: number;
  condition: string;
  /** Null while its anchor (report, final meeting) has no date yet. */
  dueAt: Date | null;
}

export interface AnchorDates {
  signedAt: Date;
  intermediateReportAt?: Date | null;
  finalReviewMeetingAt?: Date | null;
}

export function trancheRulesOf(r: FunderRules): TrancheRule[] | null {
  return r.funder === "REGION" ? ((r.rules as RegionFrameworkRules).tranches ?? null) : (r.rules as FranceTravailRules).tranches;
}

function anchorDate(t: TrancheRule, d: AnchorDates): Date | null {
  const base = t.anchor === "SIGNATURE" ? d.signedAt : t.anchor === "INTERMEDIATE_REPORT" ? d.intermediateReportAt : d.finalReviewMeetingAt;
  if (!base) return null;
  return t.dueMonthsAfter !== undefined ? addMonthsUtc(base, t.dueMonthsAfter) : addDaysUtc(base, t.dueDaysAfter ?? 0);
}

/**
 * Tranches of an award: each share rounded down to the cent, the last one taking the remainder so
 * that the tranches always add up to the award exactly.
 */
export function buildTrancheSchedule(rules: TrancheRule[], awardCents: number, dates: AnchorDates): ScheduledTranche[] {
  let allotted = 0;
  return rules.map((t, i) => {
    const amountCents = i === rules.length - 1 ? awardCents - allotted : applyRate(awardCents, t.shareBp);
    allotted += amountCents;
    return { rank: t.rank, label: t.label, shareBp: t.shareBp, amountCents, condition: t.condition, dueAt: anchorDate(t, dates) };
  });
}

/** Why a payment is refused, or null when it fits under the award. */
export function paymentRefusal(p: { awardedCents: number | null; paidCents: number; amountCents: number }): string | null {
  if (p.awardedCents === null) return "Aucun montant n'est attribué : aucun versement n'est possible.";
  if (p.amountCents <= 0) return "Le montant d'un versement doit être positif.";
  const remaining = p.awardedCents - p.paidCents;
  if (p.amountCents > remaining) {
    return `Versement refusé : ${formatCents(p.amountCents)} dépasserait le montant attribué de ${formatCents(p.awardedCents)} (déjà versé ${formatCents(p.paidCents)}, reste ${formatCents(Math.max(0, remaining))}).`;
  }
  return null;
}

export interface FinalBalanceInput {
  awardedCents: number;
  paidCents: number;
  staffEtp: number;
  platform: PlatformSize;
  lines: LineInput[];
}

export interface FinalBalance {
  forecastEligibleCents: number;
  actualEligibleCents: number;
  finalCents: number;
  /** final − paid: > 0 remains to pay (last payment), < 0 to refund (ordre de reversement). */
  balanceCents: number;
  outcome: "LAST_PAYMENT" | "REFUND" | "NONE";
  steps: Step[];
}

/**
 * Final amount from the actual eligible expenses of the financial report.
 * Région: min(awarded, rate × actual eligible, cap). France Travail: rate × actual when actual is
 * below forecast, otherwise unchanged (never above the award).
 */
export function computeFinalBalance(r: FunderRules, input: FinalBalanceInput): FinalBalance {
  const forecastEligibleCents = eligibleTotal(input.lines, r.rules.eligibleCategories, "forecast");
  const actualEligibleCents = eligibleTotal(input.lines, r.rules.eligibleCategories, "actual");
  const atRate = applyRate(actualEligibleCents, r.rules.fundingRateBp);
  const steps: Step[] = [
    { label: "Dépenses éligibles réalisées", amountCents: actualEligibleCents, text: `Dépenses éligibles réalisées = ${formatCents(actualEligibleCents)} (prévu : ${formatCents(forecastEligibleCents)})` },
  ];
  let finalCents: number;
  if (r.funder === "REGION") {
    const cap = regionCap(r.rules, input.staffEtp, input.platform);
    finalCents = Math.min(input.awardedCents, atRate, cap.capCents);
    steps.push(
      { label: "Taux Région", amountCents: atRate, text: `${percent(r.rules.fundingRateBp)} des dépenses éligibles réalisées = ${formatCents(atRate)}` },
      { label: cap.label, amountCents: cap.capCents, text: `${cap.label} = ${formatCents(cap.capCents)}` },
      { label: "Montant attribué", amountCents: input.awardedCents, text: `Montant attribué = ${formatCents(input.awardedCents)}` },
      { label: "Montant définitif", amountCents: finalCents, text: `Montant définitif = le plus petit des trois = ${formatCents(finalCents)}` },
    );
  } else if (actualEligibleCents < forecastEligibleCents) {
    finalCents = Math.min(input.awardedCents, atRate);
    steps.push({ label: "Montant définitif", amountCents: finalCents, text: `Dépenses réalisées inférieures au prévisionnel : ${percent(r.rules.fundingRateBp)} × ${formatCents(actualEligibleCents)} = ${formatCents(finalCents)}` });
  } else {
    finalCents = input.awardedCents;
    steps.push({ label: "Montant définitif", amountCents: finalCents, text: `Dépenses réalisées au moins égales au prévisionnel : contribution inchangée = ${formatCents(finalCents)}` });
  }
  const balanceCents = finalCents - input.paidCents;
  const outcome = balanceCents > 0 ? "LAST_PAYMENT" : balanceCents < 0 ? "REFUND" : "NONE";
  steps.push({
    label: outcome === "REFUND" ? "À reverser" : "Solde à verser",
    amountCents: Math.abs(balanceCents),
    text: outcome === "REFUND"
      ? `Déjà versé ${formatCents(input.paidCents)} : ordre de reversement de ${formatCents(-balanceCents)}`
      : `Déjà versé ${formatCents(input.paidCents)} : solde à verser ${formatCents(balanceCents)}`,
  });
  return { forecastEligibleCents, actualEligibleCents, finalCents, balanceCents, outcome, steps };
}

/**
 * Lines whose forecast/actual gap exceeds the threshold (share of the forecast) and still lack an
 * explanation (convention cadre art. 7.3). A line with no forecast and any actual always counts.
 * The same rule as the products of the report (financial-report.rules.ts `gapNeedsExplanation`).
 */
export function gapsNeedingExplanation<L extends LineInput & { gapExplanation?: string | null }>(lines: L[], thresholdBp: number): L[] {
  return lines.filter((l) => gapNeedsExplanation(l.forecastCents, l.actualCents, l.gapExplanation, thresholdBp));
}
