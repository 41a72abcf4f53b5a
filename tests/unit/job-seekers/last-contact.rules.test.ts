import { describe, expect, it } from "vitest";
import { deriveLastContact } from "@/lib/job-seekers/last-contact.rules";

const now = new Date("2026-11-23T10:00:00Z");
const d = (s: string) => new Date(s);
const empty = { interactions: [], proposals: [], eventsAttended: [], diagnostics: [] };

describe("date de dernier contact dérivée", () => {
  it("vaut la création quand rien d'autre n'existe", () => {
    expect(deriveLastContact({ createdAt: d("2026-01-10"), ...empty }, now)).toEqual(d("2026-01-10"));
  });
  it("prend la plus récente de toutes les sources", () => {
    const s = { createdAt: d("2026-01-10"), interactions: [d("2026-03-01")], proposals: [d("2026-02-01"), d("2026-05-02")], eventsAttended: [d("2026-04-01")], diagnostics: [d("2026-06-15")] };
    expect(deriveLastContact(s, now)).toEqual(d("2026-06-15"));
    expect(deriveLastContact({ ...s, diagnostics: [] }, now)).toEqual(d("2026-05-02"));
  });
  it("ignore les dates futures (un événement à venir n'est pas un contact)", () => {
    expect(deriveLastContact({ createdAt: d("2026-01-10"), ...empty, eventsAttended: [d("2026-12-10")], interactions: [d("2026-02-01")] }, now)).toEqual(d("2026-02-01"));
  });
  it("ne dépasse jamais maintenant même si la création est postérieure", () => {
    expect(deriveLastContact({ createdAt: d("2026-12-01"), ...empty }, now)).toEqual(now);
  });
});
