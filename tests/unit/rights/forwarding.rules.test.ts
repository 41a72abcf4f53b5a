// Issue 22: who is told, and what the e-mail says, when a platform records a request or a breach.
import { describe, expect, it } from "vitest";
import { breachForwardEmails, forwardTargets, rightsForwardEmails } from "@/lib/rights/forwarding.rules";
import { breachFranceTravailClock, rightsRequestClocks, type RightsClockInput } from "@/lib/rights/rights.rules";
import { resolveSettings } from "@/lib/settings/settings.config";

const H = 3_600_000;
const settings = resolveSettings([]);
const rules = { rightsRequestForwardHours: 72, rightsRequestAnswerDays: 30, controllerOrderDays: 15, breachNotifyHours: 36, franceTravailNotifyHours: 36, authorityRequestInformHours: 24 };
const received = new Date("2026-03-10T08:00:00Z");
const request = {
  id: "0c7c1c1e-5d7e-4f33-9d2b-1f0b2d3c4e5f", kindLabel: "Effacement", authority: false, channelLabel: "Courrier", platformName: "Lens",
  receivedAt: received, recordedAt: new Date("2026-03-11T09:00:00Z"), answerDueAt: new Date("2026-04-09T21:59:59.999Z"), subject: "JOB_SEEKER" as const, url: "https://si.example/rgpd/demandes/x",
};

describe("forward targets", () => {
  it("Région annex 1 art. 3.4 / 3.7: a platform's record goes to contact@prochemploi.fr and the Région's DPO", () => {
    expect(forwardTargets({ recordedByPlatform: true, concernsFranceTravail: false })).toEqual(["PROCH_EMPLOI_CONTACT", "REGION_DPO"]);
  });
  it("FT annex 1 2.7–2.8: France Travail's DPO too when the data returned to it are concerned, whoever records", () => {
    expect(forwardTargets({ recordedByPlatform: true, concernsFranceTravail: true })).toEqual(["PROCH_EMPLOI_CONTACT", "REGION_DPO", "FRANCE_TRAVAIL_DPO"]);
    expect(forwardTargets({ recordedByPlatform: false, concernsFranceTravail: true })).toEqual(["FRANCE_TRAVAIL_DPO"]);
  });
  it("the DPO recording a request for the Région (the controller) sends nothing", () => {
    expect(forwardTargets({ recordedByPlatform: false, concernsFranceTravail: false })).toEqual([]);
  });
});

describe("settings (admin-edited, defaults from the conventions)", () => {
  it("defaults are the addresses the conventions write (Région annex 1 art. 3.4 and 5; FT annex 1 2.7)", () => {
    expect(settings["rgpd.prochEmploiContactEmail"]).toBe("contact@prochemploi.fr");
    expect(settings["rgpd.regionDpoEmail"]).toBe("dpo@hautsdefrance.fr");
    expect(settings["rgpd.franceTravailDpoEmail"]).toBe("contact-dpd.00148@francetravail.fr");
  });
  it("a stored value wins; an unknown key or an invalid stored value is ignored", () => {
    const s = resolveSettings([{ key: "rgpd.regionDpoEmail", value: "DPO@Region.example" }, { key: "x", value: "y" }, { key: "rgpd.prochEmploiContactEmail", value: "nope" }]);
    expect(s["rgpd.regionDpoEmail"]).toBe("dpo@region.example");
    expect(s["rgpd.prochEmploiContactEmail"]).toBe("contact@prochemploi.fr");
  });
});

describe("rights request e-mails", () => {
  const mails = rightsForwardEmails(request, ["PROCH_EMPLOI_CONTACT", "REGION_DPO", "FRANCE_TRAVAIL_DPO"], settings);
  it("one message per address, with the right, the platform, the receipt date and the reference", () => {
    expect(mails.map((m) => m.to)).toEqual(["contact@prochemploi.fr", "dpo@hautsdefrance.fr", "contact-dpd.00148@francetravail.fr"]);
    for (const m of mails) {
      expect(m.subject).toBe("SI Proch'Emploi : demande d'exercice de droits (effacement) reçue par la plateforme Lens");
      expect(m.text).toContain("Reçue le 10 mars 2026 à 09:00 (courrier)");
      expect(m.text).toContain(`Référence : ${request.id}`);
    }
  });
  it("Région annex 1 art. 3.10.2: no identity over e-mail; the Région side gets a link, France Travail the secure channel (FT annex 1 §4)", () => {
    expect(mails[0]!.text).toContain(request.url);
    expect(mails[2]!.text).not.toContain(request.url);
    expect(mails[2]!.text).toContain("canal sécurisé");
  });
  it("art. 3.5: an authority's request is worded as such, without an answer deadline", () => {
    const [m] = rightsForwardEmails({ ...request, authority: true, kindLabel: "Requête d'une autorité" }, ["REGION_DPO"], settings);
    expect(m!.subject).toContain("requête d'une autorité");
    expect(m!.text).toContain("article 3.5");
    expect(m!.text).not.toContain("Réponse due");
  });
});

describe("breach e-mails (Région annex 1 art. 3.7, FT annex 1 2.8: « la notification contient au moins »)", () => {
  const b = {
    id: "b", platformName: "Lens", detectedAt: received, recordedAt: received, nature: "Clé USB perdue", dataCategories: ["identité"], peopleCategories: ["demandeurs d'emploi"],
    approxPeople: 12, approxRecords: null, contact: "Responsable", consequences: null, measures: "Mots de passe changés", url: "https://si.example/rgpd/violations/b",
  };
  it("carries nature, categories and numbers, contact, consequences, measures; the phone call is recalled to the Région side", () => {
    const [region, ft] = breachForwardEmails(b, ["PROCH_EMPLOI_CONTACT", "FRANCE_TRAVAIL_DPO"], settings);
    for (const expected of ["Clé USB perdue", "identité", "nombre approximatif de personnes : 12", "enregistrements : non connu", "Responsable", "en cours d'analyse", "Mots de passe changés"]) {
      expect(region!.text).toContain(expected);
      expect(ft!.text).toContain(expected);
    }
    expect(region!.text).toContain("par téléphone à la Direction Proch'Emploi");
    expect(ft!.text).not.toContain("par téléphone");
  });
});

describe("clocks of issue 22", () => {
  const base: RightsClockInput = { receivedAt: received, forwardedAt: null, answeredAt: null, controllerOrderAt: null, executedAt: null, status: "RECEIVED" };
  it("FT art. 11 / annex 1 2.7: a request about France Travail's data has its own 36-hour clock from the receipt", () => {
    const c = rightsRequestClocks({ ...base, concernsFranceTravail: true, franceTravailForwardedAt: null }, rules, new Date(received.getTime() + 37 * H)).find((x) => x.name === "franceTravail")!;
    expect(c.dueAt.getTime()).toBe(received.getTime() + 36 * H);
    expect(c.overdue).toBe(true);
    expect(rightsRequestClocks(base, rules, received).some((x) => x.name === "franceTravail")).toBe(false);
  });
  it("Région annex 1 art. 3.5: an authority's request — forward clock from the rule set, no answer clock", () => {
    const clocks = rightsRequestClocks({ ...base, kind: "AUTHORITY" }, rules, received);
    expect(clocks.map((c) => c.name)).toEqual(["forward"]);
    expect(clocks[0]!.dueAt.getTime()).toBe(received.getTime() + 24 * H);
  });
  it("FT annex 1 2.8: a breach about France Travail's data — 36 h from detection, done when notified", () => {
    const c = breachFranceTravailClock({ detectedAt: received, concernsFranceTravail: true, franceTravailNotifiedAt: new Date(received.getTime() + 2 * H) }, rules, received)!;
    expect(c.dueAt.getTime()).toBe(received.getTime() + 36 * H);
    expect(c.late).toBe(false);
    expect(breachFranceTravailClock({ detectedAt: received, concernsFranceTravail: false, franceTravailNotifiedAt: null }, rules, received)).toBeNull();
  });
});
