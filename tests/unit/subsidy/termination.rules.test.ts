import { describe, expect, it } from "vitest";
import { lapseRefusal, MODES_BY_FUNDER, paymentSuspension, terminationEffectiveDate, terminationTakesEffect } from "@/lib/subsidy/termination.rules";
import { franceTravailSchema, regionFrameworkSchema } from "@/lib/rules/rule-set.schema";
import { FRANCE_TRAVAIL_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const rules = { franceTravail: { requestNoticeMonths: 3, breachNoticeDays: 30 }, region: { terminationNoticeMonths: 3 } };

describe("France Travail art. 14 — prise d'effet de la résiliation", () => {
  it("1° à la demande d'une partie : 3 mois après la réception de la demande", () => {
    expect(terminationEffectiveDate("FRANCE_TRAVAIL", "REQUEST", d("2026-05-10"), rules)).toEqual(d("2026-08-10"));
  });
  it("2° pour inexécution : 30 jours après la réception de la mise en demeure restée sans effet", () => {
    expect(terminationEffectiveDate("FRANCE_TRAVAIL", "BREACH", d("2026-05-10"), rules)).toEqual(d("2026-06-09"));
  });
  it("3° de plein droit (art. 8, art. 13.4) : à la réception de la décision", () => {
    expect(terminationEffectiveDate("FRANCE_TRAVAIL", "AUTOMATIC", d("2026-05-10"), rules)).toEqual(d("2026-05-10"));
  });
  it("les délais viennent du jeu de règles (une version à 2 mois / 15 jours)", () => {
    const other = { franceTravail: { requestNoticeMonths: 2, breachNoticeDays: 15 } };
    expect(terminationEffectiveDate("FRANCE_TRAVAIL", "REQUEST", d("2026-05-10"), other)).toEqual(d("2026-07-10"));
    expect(terminationEffectiveDate("FRANCE_TRAVAIL", "BREACH", d("2026-05-10"), other)).toEqual(d("2026-05-25"));
  });
  it("un mode de l'autre convention est refusé (null)", () => {
    expect(terminationEffectiveDate("FRANCE_TRAVAIL", "NOTICE", d("2026-05-10"), rules)).toBeNull();
    expect(terminationEffectiveDate("REGION", "BREACH", d("2026-05-10"), rules)).toBeNull();
    expect(MODES_BY_FUNDER.REGION).toEqual(["NOTICE"]);
  });
});

describe("Région convention cadre art. 11 — résiliation et caducité", () => {
  it("résiliation : 3 mois après l'envoi de la lettre recommandée", () => {
    expect(terminationEffectiveDate("REGION", "NOTICE", d("2026-01-31"), rules)).toEqual(d("2026-04-30"));
  });
  it("la caducité (« sous peine de caducité ») ne concerne jamais un dossier France Travail", () => {
    expect(lapseRefusal("REGION")).toBeNull();
    expect(lapseRefusal("FRANCE_TRAVAIL")).toMatch(/ne concerne pas/);
  });
  it("des jeux de règles écrits avant ces délais les lisent à 3 mois / 30 jours / 3 mois", () => {
    const { termination, ...ft } = FRANCE_TRAVAIL_V1;
    void termination;
    expect(franceTravailSchema.parse(ft).termination).toEqual({ requestNoticeMonths: 3, breachNoticeDays: 30 });
    const { terminationNoticeMonths, ...region } = REGION_FRAMEWORK_V1;
    void terminationNoticeMonths;
    expect(regionFrameworkSchema.parse(region).terminationNoticeMonths).toBe(3);
  });
});

describe("versements suspendus (art. 14 : « La part de la contribution financière restant due … n'est pas versée »)", () => {
  const t = { mode: "REQUEST", noticeAt: d("2026-05-10"), effectiveAt: d("2026-08-10") };
  it("aucune suspension sur une convention signée ; suspension dès la notification ; aucun versement après la prise d'effet", () => {
    expect(paymentSuspension("SIGNED", t)).toBeNull();
    expect(paymentSuspension("TERMINATING", t)).toBe("Versements suspendus : résiliation notifiée le 10/05/2026, effective le 10/08/2026 (la part restant due n'est pas versée).");
    expect(paymentSuspension("TERMINATED", t)).toMatch(/^Convention résiliée le 10\/08\/2026/);
  });
  it("la résiliation n'est constatée qu'à partir de sa date d'effet", () => {
    expect(terminationTakesEffect(d("2026-08-10"), d("2026-08-09"))).toBe(false);
    expect(terminationTakesEffect(d("2026-08-10"), d("2026-08-10"))).toBe(true);
    expect(terminationTakesEffect(null, d("2026-08-10"))).toBe(false);
  });
});
