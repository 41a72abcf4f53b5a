// Issue 22 §7 — Région convention annex 1 art. 3.10.1: « Mise en place d'un engagement de
// confidentialité ». Versioned: a new version must be accepted again; until then, no data.
import { describe, expect, it } from "vitest";
import { charterIsCurrent, COMMITMENT_FREE_ACTIONS } from "@/lib/auth/charter.rules";
import { can } from "@/lib/authz/policy";

describe("engagement de confidentialité (annexe 1 art. 3.10.1)", () => {
  const at = new Date("2026-01-01T00:00:00Z");
  it("accepted version ≥ version in force; an acceptance before versioning counts as version 1", () => {
    expect(charterIsCurrent(null, null, 1)).toBe(false);
    expect(charterIsCurrent(at, 1, 1)).toBe(true);
    expect(charterIsCurrent(at, null, 1)).toBe(true);
    expect(charterIsCurrent(at, null, 2)).toBe(false);
    expect(charterIsCurrent(at, 1, 2)).toBe(false);
    expect(charterIsCurrent(at, 2, 2)).toBe(true);
    expect(charterIsCurrent(at, null, null)).toBe(true);
  });

  it("the policy denies every data action to an account that has not accepted, and keeps the profile", () => {
    const user = { id: "u", role: "PLATFORM_ASSISTANT" as const, allPlatforms: false, platformIds: ["p"], charterAccepted: false };
    expect(can(user, "jobSeeker.read")).toBe(false);
    expect(can(user, "contact.read")).toBe(false);
    expect(can(user, "token.manage")).toBe(false);
    expect(can(user, "profile.view")).toBe(true);
    expect(can({ ...user, charterAccepted: true }, "jobSeeker.read")).toBe(true);
    expect([...COMMITMENT_FREE_ACTIONS].sort()).toEqual(["home.view", "notification.read", "profile.view", "twoFactor.enrol"]);
  });
});
