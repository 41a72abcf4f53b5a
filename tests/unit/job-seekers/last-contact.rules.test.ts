import { describe, expect, it } from "vitest";
import { CONTACT_INTERACTION_KINDS, deriveLastContact, importedLastContact, PERSON_ANSWER_STATUSES } from "@/lib/job-seekers/last-contact.rules";

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

// Issue 22 — last contact, exactly.

describe("what counts as a contact with the person (issue 22)", () => {
  it("an internal note is not a contact; calls, e-mails and meetings are", () => {
    expect(CONTACT_INTERACTION_KINDS).toEqual(["APPEL", "EMAIL", "RENCONTRE"]);
    expect(CONTACT_INTERACTION_KINDS).not.toContain("NOTE");
  });
  it("on a proposal, only the person's answer counts, not the employer's moves", () => {
    expect([...PERSON_ANSWER_STATUSES]).toEqual(["ACCEPTED", "REFUSED"]);
    for (const employer of ["INTERVIEW", "HIRED", "NOT_RETAINED"]) expect(PERSON_ANSWER_STATUSES as readonly string[]).not.toContain(employer);
  });
  it("an import takes the file's last-contact column, else the information date; a future or earlier-than-information date is ignored", () => {
    const now = new Date("2026-11-20T10:00:00Z");
    const informed = new Date("2025-03-01");
    expect(importedLastContact(new Date("2026-02-10"), informed, now).toISOString()).toBe("2026-02-10T00:00:00.000Z");
    expect(importedLastContact(null, informed, now)).toBe(informed);
    expect(importedLastContact(new Date("2027-01-01"), informed, now)).toBe(informed);
    expect(importedLastContact(new Date("2024-01-01"), informed, now)).toBe(informed);
    expect(importedLastContact(new Date("invalid"), informed, now)).toBe(informed);
  });
});
