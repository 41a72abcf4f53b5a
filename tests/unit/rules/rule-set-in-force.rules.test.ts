// The version of a rule set in force on a date (lib/rules/rule-set-in-force.rules.ts): the one
// choice behind getActiveRuleSet, the retention job, the France Travail data destruction and the
// monthly indicators. DATE columns arrive as their day's UTC midnight; `at` is any instant, taken
// on its day in Paris (the conventions' calendar).
import { describe, expect, it } from "vitest";
import { versionInForce, type RuleSetVersionDates } from "@/lib/rules/rule-set-in-force.rules";

const v = (version: number, from: string, to: string | null = null): RuleSetVersionDates => ({
  version,
  validFrom: new Date(`${from}T00:00:00.000Z`),
  validTo: to ? new Date(`${to}T00:00:00.000Z`) : null,
});
const at = (iso: string) => new Date(iso);
const inForce = (versions: RuleSetVersionDates[], iso: string) => versionInForce(versions, at(iso))?.version ?? null;

describe("version d'un jeu de règles en vigueur à une date", () => {
  it("une version est en vigueur tout le jour de sa fin (validTo), plus le lendemain", () => {
    const versions = [v(1, "2021-01-01", "2025-12-31")];
    expect(inForce(versions, "2025-12-31T00:00:00.000Z")).toBe(1);
    // 23:59:59.999 on 31 December in Paris (UTC+1); midnight in Paris is already 1 January.
    expect(inForce(versions, "2025-12-31T22:59:59.999Z")).toBe(1);
    expect(inForce(versions, "2025-12-31T23:00:00.000Z")).toBeNull();
    expect(inForce(versions, "2026-01-01T00:00:00.000Z")).toBeNull();
  });

  it("une version est en vigueur dès la première heure de son premier jour, pas la veille", () => {
    const versions = [v(1, "2026-03-01")];
    expect(inForce(versions, "2026-02-28T22:59:59.999Z")).toBeNull();
    // Midnight in Paris, 23:00 UTC the day before.
    expect(inForce(versions, "2026-02-28T23:00:00.000Z")).toBe(1);
    expect(inForce(versions, "2026-03-01T00:00:00.000Z")).toBe(1);
  });

  it("une version d'un seul jour (validFrom = validTo) est en vigueur ce jour-là seulement", () => {
    const versions = [v(1, "2026-01-01", "2026-04-30"), v(2, "2026-05-01", "2026-05-01")];
    expect(inForce(versions, "2026-04-30T12:00:00.000Z")).toBe(1);
    expect(inForce(versions, "2026-05-01T18:00:00.000Z")).toBe(2);
    expect(inForce(versions, "2026-05-02T00:00:00.000Z")).toBeNull();
  });

  it("deux versions du même premier jour : la plus haute l'emporte, dans quelque ordre qu'elles arrivent", () => {
    const a = v(3, "2026-01-01", "2026-03-31");
    const b = v(4, "2026-01-01", "2026-02-15");
    expect(inForce([a, b], "2026-01-10T00:00:00.000Z")).toBe(4);
    expect(inForce([b, a], "2026-01-10T00:00:00.000Z")).toBe(4);
    // Once the higher one has ended, the other one, still in force, is chosen.
    expect(inForce([a, b], "2026-02-16T00:00:00.000Z")).toBe(3);
  });

  it("la version commencée le plus tard l'emporte sur une plus ancienne toujours ouverte, même de numéro plus haut", () => {
    const versions = [v(5, "2025-01-01"), v(2, "2025-06-01")];
    // Summer time (UTC+2): 1 June starts at 22:00 UTC on 31 May.
    expect(inForce(versions, "2025-05-31T21:59:59.999Z")).toBe(5);
    expect(inForce(versions, "2025-05-31T22:00:00.000Z")).toBe(2);
  });

  it("compare des jours de Paris : un instant compte pour son jour à Paris, quel que soit le fuseau où il est écrit", () => {
    const versions = [v(1, "2026-01-01", "2026-08-31"), v(2, "2026-09-01")];
    // 31 August 23:30 in Paris (UTC+2) is still 31 August; 31 August 23:30 UTC is 1 September 01:30 in Paris.
    expect(inForce(versions, "2026-08-31T23:30:00.000+02:00")).toBe(1);
    expect(inForce(versions, "2026-08-31T23:30:00.000Z")).toBe(2);
    // Midnight in Paris on 1 September, written at UTC−2.
    expect(inForce(versions, "2026-08-31T20:00:00.000-02:00")).toBe(2);
  });

  it("aucune version : aucune réponse (jamais une version hors de ses dates)", () => {
    expect(inForce([], "2026-01-01T00:00:00.000Z")).toBeNull();
    expect(inForce([v(1, "2026-02-01", "2026-03-31"), v(2, "2026-05-01")], "2026-04-15T00:00:00.000Z")).toBeNull();
  });
});
