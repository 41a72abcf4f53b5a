// Issue 22 §4 — what the Région annual request carries, and the payment's dependence on the activity
// bilan. Pure: no Prisma, no Next, no clock; every fact comes in as a parameter.
//
// The texts (shared/seeds/000_…, Région convention cadre 2021–2025 and its cadre d'intervention):
// - Convention cadre art. 5 « CONVENTION FINANCIERE ANNUELLE »: « Dans le cadre général de la présente
//   convention, une convention financière est établie chaque année. Pour cela, xxx présente à la
//   Région, chaque année, une demande de subvention accompagnée d'un budget détaillé. » The annual
//   convention then fixes « Les modalités de versement des subventions annuelles ».
// - Convention cadre art. 4.1: the Région's aid is set « en fonction de la demande transmise par XXX
//   et du bilan de l'année précédente ».
// - Cadre d'intervention §2 « Fonctionnement »: « la structure porteuse présentera à la Région, tous
//   les ans, une demande de subvention accompagnée d'un budget détaillé ainsi qu'un bilan complet de
//   l'activité ».
// - Cadre d'intervention §5 « Modalités administratives »: « Les demandes de subvention seront
//   examinées sur la base d'un descriptif du fonctionnement de la plateforme (locaux, moyens humains
//   et matériels mis à disposition…), d'un programme d'action annuel et d'un plan de financement
//   prévisionnel reprenant les postes de dépenses éligibles. […] Le paiement de la subvention se fera
//   sur présentation d'un bilan d'activité de la plateforme et des différents justificatifs de
//   dépenses (fiches de paie, notes de frais, factures...). Les modalités seront détaillées dans la
//   convention financière annuelle. »
// Neither text exempts any element: a request lacking one is not filed.
import type { FunderRules } from "@/lib/subsidy/subsidy.rules";

export const ANNUAL_REQUEST_ELEMENTS = ["DESCRIPTION", "ACTION_PROGRAMME", "FINANCING_PLAN", "DETAILED_BUDGET", "PREVIOUS_BILAN"] as const;
export type AnnualRequestElement = (typeof ANNUAL_REQUEST_ELEMENTS)[number];

export const ANNUAL_REQUEST_LABELS: Record<AnnualRequestElement, string> = {
  DESCRIPTION: "Description de l'opération",
  ACTION_PROGRAMME: "Programme d'action annuel",
  FINANCING_PLAN: "Plan de financement prévisionnel",
  DETAILED_BUDGET: "Budget détaillé",
  PREVIOUS_BILAN: "Bilan de l'année précédente",
};

/** Where each element comes from, shown beside it. */
export const ANNUAL_REQUEST_SOURCES: Record<AnnualRequestElement, string> = {
  DESCRIPTION: "cadre d'intervention §5 : « descriptif du fonctionnement de la plateforme (locaux, moyens humains et matériels mis à disposition…) »",
  ACTION_PROGRAMME: "cadre d'intervention §5 : « programme d'action annuel »",
  FINANCING_PLAN: "cadre d'intervention §5 : « plan de financement prévisionnel reprenant les postes de dépenses éligibles » ; convention cadre art. 4.1 : Région 80 % maximum, territoire 20 % minimum",
  DETAILED_BUDGET: "convention cadre art. 5 : « une demande de subvention accompagnée d'un budget détaillé »",
  PREVIOUS_BILAN: "convention cadre art. 4.1 : « du bilan de l'année précédente » ; cadre d'intervention §2 : « un bilan complet de l'activité »",
};

/** A description or a programme shorter than this is not one (a few words are not a « descriptif »). */
export const ANNUAL_REQUEST_TEXT_MIN = 20;
/** A payment made although something it waits for is missing needs a reason at least this long. */
export const PAYMENT_OVERRIDE_REASON_MIN = 10;

export interface AnnualRequestFacts {
  year: number;
  description: string | null;
  actionProgramme: string | null;
  requestedCents: number;
  territoryCofundingCents: number;
  /** Forecast budget lines (the detailed budget). */
  lines: { forecastCents: number }[];
  previousBilan: {
    /** The platform's annual report of `year - 1` has its qualitative bilan written (/bilans/rapport-annuel). */
    annualReportWritten: boolean;
    /** Documents of kind « bilan de l'année précédente » joined to the file. */
    documents: number;
  };
}

export interface AnnualRequestItem {
  element: AnnualRequestElement;
  label: string;
  met: boolean;
  /** What is missing, in French (null when the element is there). */
  missing: string | null;
  source: string;
}

const filled = (s: string | null) => (s ?? "").trim().length >= ANNUAL_REQUEST_TEXT_MIN;

/** The five elements of the request, each present or not, with what is missing. */
export function annualRequestChecklist(f: AnnualRequestFacts): AnnualRequestItem[] {
  const plan: string[] = [];
  if (f.requestedCents <= 0) plan.push("le montant demandé à la Région");
  // Convention cadre art. 4.1: « et par le territoire (20 % minimum des dépenses éligibles) ».
  if (f.territoryCofundingCents <= 0) plan.push("le cofinancement du territoire");
  const missing: Record<AnnualRequestElement, string | null> = {
    DESCRIPTION: filled(f.description) ? null : "décrivez le fonctionnement de la plateforme (locaux, moyens humains et matériels mis à disposition)",
    ACTION_PROGRAMME: filled(f.actionProgramme) ? null : `rédigez le programme d'action de l'année ${f.year}`,
    FINANCING_PLAN: plan.length ? `indiquez ${plan.join(" et ")}` : null,
    DETAILED_BUDGET: f.lines.some((l) => l.forecastCents > 0) ? null : "ajoutez les lignes de dépenses prévues, avec leur montant",
    PREVIOUS_BILAN: f.previousBilan.annualReportWritten || f.previousBilan.documents > 0
      ? null
      : `joignez le bilan d'activité ${f.year - 1} ou rédigez le bilan qualitatif du rapport annuel ${f.year - 1}`,
  };
  return ANNUAL_REQUEST_ELEMENTS.map((element) => ({
    element, label: ANNUAL_REQUEST_LABELS[element], met: missing[element] === null, missing: missing[element], source: ANNUAL_REQUEST_SOURCES[element],
  }));
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Why the request cannot be filed (a French sentence listing what is missing), or null. */
export function annualRequestRefusal(items: AnnualRequestItem[]): string | null {
  const absent = items.filter((i) => !i.met);
  if (absent.length === 0) return null;
  return `Demande annuelle incomplète (convention cadre art. 5, cadre d'intervention §5) : il manque ${absent.map((i) => `${lower(i.label)} (${i.missing})`).join(" ; ")}. Complétez la section « Demande annuelle (art. 5) ».`;
}

/** Field errors of the refusal, one per missing element (the API's `fields`). */
export function annualRequestFieldErrors(items: AnnualRequestItem[]): Record<string, string[]> {
  return Object.fromEntries(items.filter((i) => !i.met).map((i) => [`annualRequest.${i.element}`, [`${i.label} : ${i.missing}.`]]));
}

// ───────────────────────── payment and the activity bilan ─────────────────────────

/**
 * Cadre d'intervention §5: « Le paiement de la subvention se fera sur présentation d'un bilan
 * d'activité de la plateforme ». The text conditions « le paiement » as a whole, not one tranche:
 * every payment of a Région convention waits for it when the rule set says so.
 */
export function activityBilanMissing(f: { required: boolean; receivedAt: Date | null }): boolean {
  return f.required && f.receivedAt === null;
}

/** The file's rule set subordinates payment to the activity bilan (Région rule set `paymentRequiresActivityBilan`). */
export function activityBilanRequired(rs: FunderRules): boolean {
  return rs.funder === "REGION" && rs.rules.paymentRequiresActivityBilan;
}

const BILAN_LABEL = "bilan d'activité de la plateforme";

/**
 * Why a payment must be confirmed (the French message the form shows beside its confirmation box),
 * or null when nothing it waits for is missing: the tranche's unmet conditions (lower-cased labels,
 * the activity bilan among them when the rule set requires it) and, for any payment, the activity bilan.
 */
export function paymentWaitsFor(unmetConditions: string[], bilanMissing: boolean): string | null {
  if (unmetConditions.length > 0) {
    return `Les conditions de cette tranche ne sont pas remplies (${unmetConditions.join(", ")}). Pour verser quand même, confirmez et indiquez le motif.`;
  }
  if (bilanMissing) {
    return `Le ${BILAN_LABEL} n'est pas reçu : « Le paiement de la subvention se fera sur présentation d'un bilan d'activité de la plateforme » (cadre d'intervention §5). Pour verser quand même, confirmez et indiquez le motif.`;
  }
  return null;
}

/** Why the reason given with a confirmed payment is refused, or null. */
export function overrideReasonRefusal(reason: string | undefined): string | null {
  return (reason ?? "").trim().length < PAYMENT_OVERRIDE_REASON_MIN
    ? `Indiquez le motif du versement malgré les conditions non remplies (${PAYMENT_OVERRIDE_REASON_MIN} caractères au moins).`
    : null;
}
