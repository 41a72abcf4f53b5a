// Termination, substantial modification and lapse of a convention as recorded states (issue 22
// §3–4). Pure: every figure comes from the file's rule set, `now` is a parameter.
//
// France Travail convention art. 14: « La convention peut être résiliée :
//  1) à la demande de l'une des parties … La résiliation prend effet dans un délai de 3 mois à compter
//     de la date de réception de la demande par l'autre partie. La part de la contribution financière
//     restant due à la date de réception de la demande n'est pas versée » ;
//  2) « en cas d'inexécution … dans un délai de 30 jours à compter de la date de réception … de la mise
//     en demeure … restée sans effet. … France Travail se réserve la possibilité de suspendre un
//     versement qui serait dû dans ce délai de 30 jours » ;
//  3) « de plein droit, dans les cas prévus aux 2ème … 5ème alinéas de l'article 8 et à l'article 13.4.
//     La résiliation prend effet à la date de réception … de la décision de résiliation ».
// Région convention cadre art. 11: « résiliée de plein droit par l'une ou l'autre partie à
// l'expiration d'un délai de 3 mois suivant l'envoi d'une lettre recommandée … implique la
// restitution de tout ou partie des sommes versées par la Région » ; and « recruter l'équipe … dans
// un délai maximal de 6 mois suivant la date de notification …, sous peine de caducité de l'acte ».
//
// Reading (said in the UI): once a termination is notified no payment is made — case 1) says the part
// still due at the request is not paid, case 2) lets France Travail suspend what falls due in the 30
// days and withholds the rest at the effective date, case 3) is immediate. Région: the same, pending
// the restitution the termination implies.
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";

export type Funder = "REGION" | "FRANCE_TRAVAIL";
export const TERMINATION_MODES = ["REQUEST", "BREACH", "AUTOMATIC", "NOTICE"] as const;
export type TerminationMode = (typeof TERMINATION_MODES)[number];

export const TERMINATION_MODE_LABELS: Record<TerminationMode, string> = {
  REQUEST: "À la demande d'une partie (art. 14 1°)",
  BREACH: "Pour inexécution, après mise en demeure (art. 14 2°)",
  AUTOMATIC: "De plein droit (art. 14 3° : art. 8, art. 13.4)",
  NOTICE: "Par lettre recommandée, préavis (convention cadre art. 11)",
};

/** Which modes each funder's convention provides. */
export const MODES_BY_FUNDER: Record<Funder, readonly TerminationMode[]> = {
  FRANCE_TRAVAIL: ["REQUEST", "BREACH", "AUTOMATIC"],
  REGION: ["NOTICE"],
};

export interface TerminationRules {
  franceTravail?: { requestNoticeMonths: number; breachNoticeDays: number };
  region?: { terminationNoticeMonths: number };
}

/**
 * The day a termination takes effect, from the date the request was received / the formal notice
 * received / the decision received (FT) or the registered letter sent (Région). Null when the mode
 * does not belong to the funder's convention.
 */
export function terminationEffectiveDate(funder: Funder, mode: TerminationMode, noticeAt: Date, rules: TerminationRules): Date | null {
  if (!MODES_BY_FUNDER[funder].includes(mode)) return null;
  if (funder === "FRANCE_TRAVAIL") {
    const ft = rules.franceTravail ?? { requestNoticeMonths: 3, breachNoticeDays: 30 };
    if (mode === "REQUEST") return addMonthsUtc(noticeAt, ft.requestNoticeMonths);
    if (mode === "BREACH") return addDaysUtc(noticeAt, ft.breachNoticeDays);
    return noticeAt;
  }
  return addMonthsUtc(noticeAt, (rules.region ?? { terminationNoticeMonths: 3 }).terminationNoticeMonths);
}

/** Payments are made on a signed convention only; a notified termination suspends them (see above). */
export function paymentSuspension(status: string, termination: { mode: string | null; noticeAt: Date | null; effectiveAt: Date | null }): string | null {
  if (status !== "TERMINATING" && status !== "TERMINATED") return null;
  const d = (x: Date | null) => (x ? x.toISOString().slice(0, 10).split("-").reverse().join("/") : "?");
  return status === "TERMINATING"
    ? `Versements suspendus : résiliation notifiée le ${d(termination.noticeAt)}, effective le ${d(termination.effectiveAt)} (la part restant due n'est pas versée).`
    : `Convention résiliée le ${d(termination.effectiveAt)} : aucun versement possible.`;
}

/** A termination is recorded as effective only from its effective date. */
export function terminationTakesEffect(effectiveAt: Date | null, on: Date): boolean {
  return effectiveAt !== null && on.getTime() >= effectiveAt.getTime();
}

/**
 * Région convention cadre art. 11: lapse (« caducité ») is for a Région convention whose team was not
 * recruited in time — never for a France Travail file (its art. 2 and 14 know no such clause).
 */
export function lapseRefusal(funder: Funder): string | null {
  return funder === "REGION" ? null : "La caducité (convention cadre Région, art. 11) ne concerne pas les conventions France Travail.";
}
