import { describe, expect, it } from "vitest";
import { ACTIONS, can, ROLES, scopeFor, type Principal } from "@/lib/authz/policy";
import { EXPECTED, LETTER } from "@/tests/support/role-permissions";

const LENS = "00000000-0000-4000-8000-000000000001";
const AMIENS = "00000000-0000-4000-8000-000000000002";

function principal(role: Principal["role"], extra: Partial<Principal> = {}): Principal {
  return { id: "00000000-0000-4000-8000-0000000000aa", role, allPlatforms: false, platformIds: [], ...extra };
}

describe("policy: role × action table", () => {
  it("lists an expectation for every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[action].includes(LETTER[role]);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(principal(role), action)).toBe(allowed);
      });
    }
  }

  it("denies a signed-out visitor everything", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });

  it("leaves a mandatory-2FA user who has not enrolled nothing but the enrolment", () => {
    for (const action of ACTIONS) {
      expect(can(principal("DPO", { mustEnrolTotp: true }), action)).toBe(action === "twoFactor.enrol");
    }
    expect(scopeFor(principal("DPO", { mustEnrolTotp: true, allPlatforms: true }), "archivedJobSeeker")).toBeNull();
  });

  it("denies an unknown role (deny by default)", () => {
    expect(can(principal("HACKER" as Principal["role"]), "home.view")).toBe(false);
  });
});

describe("scopeFor", () => {
  it("limits platform staff to their own platforms", () => {
    const user = principal("PLATFORM_ASSISTANT", { platformIds: [LENS] });
    expect(scopeFor(user, "company")).toEqual({ platformId: { in: [LENS] } });
    expect(scopeFor(user, "jobSeeker")).toEqual({ platformId: { in: [LENS] } });
    expect(scopeFor(principal("PLATFORM_MANAGER", { platformIds: [LENS] }), "platform")).toEqual({ id: { in: [LENS] } });
  });

  it("gives a platform user without membership nothing", () => {
    const user = principal("PLATFORM_MANAGER", { platformIds: [] });
    expect(scopeFor(user, "offer")).toEqual({ id: { in: [] } });
  });

  it("returns null where the role may not read the model at all", () => {
    expect(scopeFor(principal("REGION_FINANCE", { allPlatforms: true }), "jobSeeker")).toBeNull();
    expect(scopeFor(principal("ADMIN"), "company")).toBeNull();
    expect(scopeFor(principal("PLATFORM_ASSISTANT", { platformIds: [LENS] }), "subsidyFile")).toBeNull();
    expect(scopeFor(principal("FRANCE_TRAVAIL_REVIEWER"), "jobSeeker")).toBeNull();
  });

  it("lets a Région referent see only the job seekers assigned to them", () => {
    const user = principal("REGION_REFERENT", { allPlatforms: true, platformIds: [LENS, AMIENS] });
    expect(scopeFor(user, "jobSeeker")).toEqual({ referentId: user.id });
    expect(scopeFor(user, "proposal")).toEqual({ jobSeeker: { referentId: user.id } });
    expect(scopeFor(user, "company")).toEqual({});
  });

  it("lets a Région referent read the due dates of the documents owed to the Région on their platforms only, never the subsidy file (issue 17)", () => {
    expect(scopeFor(principal("REGION_REFERENT", { platformIds: [LENS] }), "reportDeadline")).toEqual({ platformId: { in: [LENS] } });
    expect(scopeFor(principal("REGION_REFERENT", { allPlatforms: true }), "reportDeadline")).toEqual({});
    expect(scopeFor(principal("REGION_REFERENT", { allPlatforms: true }), "subsidyFile")).toBeNull();
    expect(scopeFor(principal("REGION_FINANCE", { allPlatforms: true }), "reportDeadline")).toBeNull();
    expect(scopeFor(principal("PLATFORM_MANAGER", { platformIds: [LENS] }), "reportDeadline")).toBeNull();
  });

  it("lets a France Travail reviewer see only the France Travail files assigned to them", () => {
    const user = principal("FRANCE_TRAVAIL_REVIEWER");
    expect(scopeFor(user, "subsidyFile")).toEqual({ funder: "FRANCE_TRAVAIL", reviewerId: user.id });
    expect(scopeFor(user, "platform")).toBeNull();
  });

  it("opens archived job seekers to the manager (own platforms) and the DPO only", () => {
    expect(scopeFor(principal("PLATFORM_MANAGER", { platformIds: [LENS] }), "archivedJobSeeker")).toEqual({ platformId: { in: [LENS] } });
    expect(scopeFor(principal("DPO", { allPlatforms: true }), "archivedJobSeeker")).toEqual({});
    expect(scopeFor(principal("PLATFORM_ASSISTANT", { platformIds: [LENS] }), "archivedJobSeeker")).toBeNull();
    expect(scopeFor(principal("REGION_REFERENT", { allPlatforms: true }), "archivedJobSeeker")).toBeNull();
  });

  it("does not widen a platform role flagged allPlatforms", () => {
    const user = principal("PLATFORM_ASSISTANT", { allPlatforms: true, platformIds: [AMIENS] });
    expect(scopeFor(user, "company")).toEqual({ platformId: { in: [AMIENS] } });
  });
});
