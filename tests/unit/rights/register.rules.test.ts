import { describe, expect, it } from "vitest";
import { buildRegister } from "@/lib/rights/register.rules";
import { DEADLINES_V1 } from "@/prisma/seed/rule-sets";

const retention = { jobSeekerArchiveMonths: 18, jobSeekerDestroyMonths: 24, companyContactDestroyMonths: 48, preArchiveNoticeDays: 30, franceTravailDestroyMonthsAfterEnd: 2 };

describe("register of processing activities", () => {
  it("has every art. 30 heading", () => {
    const keys = buildRegister({ processors: [], retention: { version: 1, payload: retention }, deadlines: { version: 1, payload: DEADLINES_V1 } }).map((s) => s.key);
    expect(keys).toEqual(["processing", "controller", "processors", "purposes", "dataCategories", "peopleCategories", "recipients", "transfers", "retention", "rights", "security"]);
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
});
