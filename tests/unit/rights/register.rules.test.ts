import { describe, expect, it } from "vitest";
import { buildRegister } from "@/lib/rights/register.rules";
import { DEADLINES_V1 } from "@/prisma/seed/rule-sets";

const retention = { jobSeekerArchiveMonths: 18, jobSeekerDestroyMonths: 24, companyContactDestroyMonths: 48, preArchiveNoticeDays: 30, franceTravailDestroyMonthsAfterEnd: 2, closedRightsRequestMonths: 60, breachRecordMonths: 60, auditEventMonths: 12, receiptMonthsAfterYearEnd: 60, companyNoteMonths: 48, soleTraderMonths: 48, rectificationHistoryMonths: 12, intakeRequestMonths: 3, runLeaseMinutes: 15 };

describe("register of processing activities", () => {
  it("has every art. 30 heading", () => {
    const keys = buildRegister({ processors: [], retention: { version: 1, payload: retention }, deadlines: { version: 1, payload: DEADLINES_V1 } }).map((s) => s.key);
    expect(keys).toEqual(["processing", "controller", "processors", "purposes", "dataCategories", "peopleCategories", "recipients", "transfers", "retention", "rights", "franceTravail", "security"]);
  });

  it("reads retention periods and deadlines from the rule sets, not from literals", () => {
    const sections = buildRegister({
      processors: [{ name: "Lens", carryingStructureName: "Communauté d'agglomération de Lens-Liévin", carryingStructureType: "EPCI" }],
      retention: { version: 7, payload: { ...retention, jobSeekerArchiveMonths: 17, jobSeekerDestroyMonths: 23, companyContactDestroyMonths: 41 } },
      deadlines: { version: 3, payload: { ...DEADLINES_V1, breachNotifyHours: 35, rightsRequestAnswerDays: 29 } },
    });
    const text = (key: string) => sections.find((s) => s.key === key)!.lines.join("\n");
    expect(sections.find((s) => s.key === "retention")!.title).toContain("version 7");
    expect(text("retention")).toContain("jusqu'à 17 mois");
    expect(text("retention")).toContain("destruction 23 mois");
    expect(text("retention")).toMatch(/Contacts d'entreprise : destruction 41 mois/);
    expect(text("retention")).toMatch(/Chefs de file métiers : destruction 41 mois/);
    expect(text("rights")).toContain("sous 35 heures");
    expect(text("rights")).toContain("sous 29 jours");
    expect(text("processors")).toContain("Communauté d'agglomération de Lens-Liévin (EPCI) — plateforme Lens");
  });

  it("issue 22: the controller's DPO and the forwarding addresses from the settings, the France Travail return as France Travail's processing", () => {
    const sections = buildRegister({
      processors: [], retention: { version: 1, payload: { ...retention, franceTravailDestroyMonthsAfterEnd: 3 } }, deadlines: { version: 1, payload: DEADLINES_V1 },
      contacts: { "rgpd.prochEmploiContactEmail": "contact@prochemploi.fr", "rgpd.regionDpoEmail": "dpo@hautsdefrance.fr", "rgpd.franceTravailDpoEmail": "contact-dpd.00148@francetravail.fr" },
    });
    const text = (key: string) => sections.find((s) => s.key === key)!.lines.join("\n");
    expect(text("controller")).toContain("dpo@hautsdefrance.fr (convention cadre, annexe 1, art. 5)");
    expect(text("rights")).toContain("contact@prochemploi.fr et dpo@hautsdefrance.fr (annexe 1, art. 3.4 et 3.7)");
    expect(text("retention")).toContain("au plus tard 3 mois après l'échéance");
    expect(text("franceTravail")).toContain("sous 36 heures : contact-dpd.00148@francetravail.fr");
    expect(text("franceTravail")).toContain("dont le traitement est limité exclues");
  });
});

// Issue 22 §7 — annex 1 art. 3.2 (sous-traitance ultérieure) and each processor's DPO.
describe("register: processors' DPO and sub-processors", () => {
  const retention15 = { version: 1, payload: { ...retention } };
  it("names each platform's DPO (or says it is due) and lists the sub-processors from the settings", () => {
    const sections = buildRegister({
      processors: [
        { name: "Lens", carryingStructureName: "CALL", carryingStructureType: "EPCI", dpoContact: "Mme Dpo, dpo@call.fr" },
        { name: "Amiens", carryingStructureName: "Amiens Métropole", carryingStructureType: "EPCI", dpoContact: null },
      ],
      retention: retention15, deadlines: { version: 1, payload: DEADLINES_V1 },
      contacts: {
        "rgpd.prochEmploiContactEmail": "contact@prochemploi.fr", "rgpd.regionDpoEmail": "dpo@hautsdefrance.fr", "rgpd.franceTravailDpoEmail": "contact-dpd.00148@francetravail.fr",
        "rgpd.subProcessorHosting": "Hébergeur X, Lille, contrat du 01/01/2026", "rgpd.subProcessorEmail": "SMTP Y", "rgpd.subProcessorStorage": "S3 Z (eu-west-3)",
      },
    });
    const lines = (key: string) => sections.find((s) => s.key === key)!.lines.join("\n");
    expect(lines("processors")).toContain("DPO : Mme Dpo, dpo@call.fr");
    expect(lines("processors")).toMatch(/Amiens.*non désigné \(à désigner sous 15 jours/);
    expect(sections.find((s) => s.key === "subProcessors")!.lines).toEqual(["Hébergeur X, Lille, contrat du 01/01/2026", "SMTP Y", "S3 Z (eu-west-3)"]);
    expect(lines("retention")).toContain("Journal d'audit (adresses IP, motifs saisis) : événements supprimés 12 mois");
  });
});
