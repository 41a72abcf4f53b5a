import { describe, expect, it } from "vitest";
import { formTooLarge } from "@/lib/intake/intake-form-size";
import { intakeAcknowledgementEmail } from "@/lib/intake/intake-email";
import { intakeCutoff, intakeExpired, intakeThrottleKeys, routeCommune } from "@/lib/intake/intake.rules";
import { companyIntakeSchema, personIntakeSchema } from "@/lib/intake/intake.schema";

const platforms = [
  { id: "b", name: "Lens-Liévin", perimeterInseeCodes: ["62498", "62510"] },
  { id: "a", name: "Amiénois", perimeterInseeCodes: ["80021", "62510"] },
];

describe("orientation par commune", () => {
  it("choisit la plateforme dont le périmètre contient la commune, ou aucune", () => {
    expect(routeCommune(platforms, "62498")?.id).toBe("b");
    expect(routeCommune(platforms, "80021")?.id).toBe("a");
    expect(routeCommune(platforms, "59350")).toBeNull();
  });
  it("départage deux périmètres qui se recouvrent par le nom, quel que soit l'ordre", () => {
    expect(routeCommune(platforms, "62510")?.id).toBe("a");
    expect(routeCommune([...platforms].reverse(), "62510")?.id).toBe("a");
  });
});

describe("conservation d'une demande non traitée", () => {
  const rules = { intakeRequestMonths: 3 };
  it("compte en mois calendaires à Paris", () => {
    const sent = new Date("2026-01-31T23:30:00Z"); // 00:30 on 1 February in Paris
    expect(intakeExpired(sent, rules, new Date("2026-04-30T10:00:00Z"))).toBe(false);
    expect(intakeExpired(sent, rules, new Date("2026-05-01T10:00:00Z"))).toBe(true);
    expect(intakeCutoff(new Date("2026-05-01T10:00:00Z"), rules).getTime()).toBeGreaterThan(sent.getTime());
    // 31 January in Paris + 3 months = 30 April (end of month clamped).
    expect(intakeExpired(new Date("2026-01-31T10:00:00Z"), rules, new Date("2026-04-30T10:00:00Z"))).toBe(true);
  });
});

describe("limites et contenus", () => {
  it("ne garde pas l'adresse de contact en clair dans les clés de limitation", () => {
    const keys = intakeThrottleKeys("192.0.2.1", { email: "a@b.fr", phone: "06 12 34 56 78" });
    expect(keys.ip).toBe("intake-ip:192.0.2.1");
    expect(keys.address).toHaveLength(2);
    expect(keys.address.join(" ")).not.toMatch(/a@b\.fr|0612345678|06 12/);
  });
  it("refuse un formulaire trop gros ou avec trop de champs avant toute analyse", () => {
    const fd = new FormData();
    fd.append("need", "x".repeat(9000));
    expect(formTooLarge(fd)).toBe(true);
    const many = new FormData();
    for (let i = 0; i < 31; i++) many.append(`f${i}`, "1");
    expect(formTooLarge(many)).toBe(true);
    const ok = new FormData();
    ok.append("need", "Deux caristes");
    expect(formTooLarge(ok)).toBe(false);
  });
  it("refuse le balisage et exige un moyen d'être rappelé", () => {
    const base = { firstName: "Karim", lastName: "Benali", communeCode: "80021", email: "", phone: "0711223344", need: "Magasinier", preferredSlot: "MATIN" };
    expect(personIntakeSchema.parse(base)).toMatchObject({ phone: "07 11 22 33 44", email: null });
    expect(personIntakeSchema.safeParse({ ...base, lastName: "<b>Benali</b>" }).success).toBe(false);
    expect(personIntakeSchema.safeParse({ ...base, phone: "" }).success).toBe(false);
    expect(companyIntakeSchema.safeParse({ ...base, siret: "12345678901234", companyName: "X", role: "" }).success).toBe(false);
  });
  it("l'accusé de réception ne dit rien de la demande", () => {
    const m = intakeAcknowledgementEmail("a@b.fr", { numeroVert: "0 800 02 60 80" });
    expect(m.text).toContain("0 800 02 60 80");
    expect(m.subject).not.toMatch(/Lens|Amiens/);
  });
});
