import { describe, expect, it } from "vitest";
import { checkTemplate, DEFAULT_TEMPLATES, eventPlaceholders, isMobile, linkExpiry, normaliseAddress, reminderDue, renderTemplate, toE164 } from "@/lib/events/invitation.rules";
import { CIRCUIT_COURT_DEFAULTS, operationsSchema } from "@/lib/rules/rule-set.schema";
import { OPERATIONS_V1 } from "@/prisma/seed/rule-sets";

describe("invitations circuit court : règles", () => {
  it("remplit les champs du modèle et laisse intacts les champs inconnus", () => {
    const v = eventPlaceholders({ title: "Circuit court BTP", date: new Date("2030-03-12T08:30:00Z"), place: "Liévin", platform: "Lens" }, "Inès", "https://x/l");
    expect(v.date).toBe("mardi 12 mars 2030");
    expect(v.heure).toBe("09:30");
    expect(renderTemplate(DEFAULT_TEMPLATES.INVITATION.body, v)).toContain("Bonjour Inès,");
    expect(renderTemplate("{prenom} {autre}", v)).toBe("Inès {autre}");
    expect(eventPlaceholders({ title: "t", date: new Date(), place: "p", platform: "L" }, "", "l").prenom).toBe("Madame, Monsieur");
  });

  it("un modèle doit garder le lien personnel et n'utiliser que les champs connus", () => {
    expect(checkTemplate("INVITATION", { subject: "Invitation", body: "Bonjour {prenom}" })).toMatch(/\{lien\}/);
    expect(checkTemplate("REMINDER", { subject: "x", body: "{lien} {nom}" })).toMatch(/Champ inconnu : \{nom\}/);
    expect(checkTemplate("PROMOTION", { subject: "x", body: "Bonjour {prenom}" })).toBeNull();
    for (const [kind, t] of Object.entries(DEFAULT_TEMPLATES)) expect(checkTemplate(kind as "INVITATION", t)).toBeNull();
  });

  it("le lien expire à la fin du jour de l'événement (heure de Paris)", () => {
    expect(linkExpiry(new Date("2030-03-12T08:30:00Z")).toISOString()).toBe("2030-03-12T22:59:59.000Z");
  });

  it("relances aux délais du jeu de règles, en jours calendaires de Paris", () => {
    const event = new Date("2030-03-12T08:30:00Z");
    expect(reminderDue(event, new Date("2030-03-09T08:00:00Z"), [3, 1])).toBe(3);
    // 23:30 à Paris le 11 : J-1 ; 00:30 à Paris le 12 : le jour même, pas de relance.
    expect(reminderDue(event, new Date("2030-03-11T22:30:00Z"), [3, 1])).toBe(1);
    expect(reminderDue(event, new Date("2030-03-11T23:30:00Z"), [3, 1])).toBeNull();
    expect(reminderDue(event, new Date("2030-03-10T08:00:00Z"), [3, 1])).toBeNull();
  });

  it("numéros français : format international, portables seulement pour les SMS", () => {
    expect(toE164("06 12 34 56 78")).toBe("+33612345678");
    expect(toE164("+33 7 12 34 56 78")).toBe("+33712345678");
    expect(toE164("12345")).toBeNull();
    expect(isMobile("+33312345678")).toBe(false);
    expect(normaliseAddress("EMAIL", " Ines@Exemple.FR ")).toBe("ines@exemple.fr");
    expect(normaliseAddress("SMS", "06.12.34.56.78")).toBe("+33612345678");
  });

  it("le jeu de règles OPERATIONS porte les délais de relance ; un jeu antérieur lit les valeurs par défaut", () => {
    expect(OPERATIONS_V1.circuitCourt.reminderDaysBefore).toEqual([3, 1]);
    const { circuitCourt: _c, ...older } = OPERATIONS_V1;
    expect(operationsSchema.parse(older).circuitCourt).toEqual(CIRCUIT_COURT_DEFAULTS);
    expect(operationsSchema.safeParse({ ...OPERATIONS_V1, circuitCourt: { ...CIRCUIT_COURT_DEFAULTS, reminderDaysBefore: [1, 1] } }).success).toBe(false);
  });
});
