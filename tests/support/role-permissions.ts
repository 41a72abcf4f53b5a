// Issue 21 — the expected role × action policy, written and reviewed by hand, independent of
// lib/authz/policy.ts. tests/unit/authz/policy.test.ts checks can() against it action by action; the
// security suites that must not take the production policy as their own oracle (allowed writes:
// tests/integration/security/allowed-writes.int.test.ts) read the allowed roles from here, so a role
// losing an action by mistake fails there too instead of silently dropping its cases.
import { ROLES, type Action } from "../../lib/authz/policy";
import type { Role } from "../../lib/generated/prisma/enums";

// The expected policy, written out independently of lib/authz/policy.ts: which roles may do each action.
// A = assistant, M = manager, R = Région referent, F = Région finance, T = France Travail, D = DPO, X = admin.
export const EXPECTED: Record<Action, string> = {
  "home.view": "AMRFTDX",
  "profile.view": "AMRFTDX",
  "token.manage": "MTX",
  "company.read": "AMR",
  "company.write": "AM",
  "contact.read": "AM",
  "contact.write": "AM",
  "callback.read": "AMR",
  "callback.write": "AM",
  "visit.read": "AMR",
  "visit.write": "AM",
  "offer.read": "AMR",
  "offer.write": "AM",
  "jobSeeker.read": "AMR",
  "jobSeeker.write": "AM",
  "jobSeeker.readArchived": "MD",
  "proposal.read": "AMR",
  "proposal.write": "AM",
  "diagnostic.read": "AM",
  "diagnostic.write": "AM",
  "event.read": "AMR",
  "event.write": "AM",
  "eventTemplate.write": "M",
  "chefDeFile.read": "AMR",
  "chefDeFile.write": "AM",
  "governance.read": "AMR",
  "governance.write": "M",
  "bilan.read": "AMRF",
  "bilan.close": "M",
  "bilan.reopen": "R",
  "bilan.review": "R",
  "ftReport.read": "T",
  "ftReport.personalData": "T",
  "objective.write": "MR",
  "annualReport.write": "M",
  "tableExport.run": "AMR",
  "subsidy.read": "MFT",
  "subsidy.write": "MF",
  "subsidy.submit": "M",
  "subsidy.review": "F",
  "subsidy.approve": "F",
  "subsidy.export": "F",
  "reportDeadline.read": "R",
  "payment.write": "F",
  "tranche.claim": "M",
  "refundOrder.write": "F",
  "ruleSet.read": "FDX",
  "ruleSet.write": "X",
  "audit.read": "D",
  // Issue 22 — Région convention annex 1 art. 3.4 / 3.7: the platforms (processors) record the
  // requests they receive and the breaches they detect and follow them; only the DPO acts on them.
  "rights.read": "AMD",
  "rights.write": "D",
  "rights.record": "AMD",
  "breach.read": "AMD",
  "breach.write": "D",
  "breach.record": "AMD",
  "setting.write": "X",
  "intake.read": "AM",
  "intake.write": "AM",
  // Issue 22 §6, §7: identity exports (platforms' staff only) and new versions of the notices/commitment.
  "identityExport.run": "AM",
  "notice.write": "DX",
  "purge.read": "D",
  "purge.run": "D",
  "register.read": "D",
  "platform.read": "MRFDX",
  "platform.write": "X",
  "user.read": "MX",
  "user.write": "X",
  "user.invite": "MX",
  "outbox.read": "X",
  "notification.read": "AMRFTDX",
  "search.run": "AMR",
  "twoFactor.enrol": "AMRFTDX",
  "audit.export": "D",
  "reference.read": "AMRFTDX",
};

export const LETTER: Record<(typeof ROLES)[number], string> = {
  PLATFORM_ASSISTANT: "A",
  PLATFORM_MANAGER: "M",
  REGION_REFERENT: "R",
  REGION_FINANCE: "F",
  FRANCE_TRAVAIL_REVIEWER: "T",
  DPO: "D",
  ADMIN: "X",
};

/** The roles the hand-written table allows for `action`. */
export function expectedRoles(action: Action): Role[] {
  return ROLES.filter((r) => EXPECTED[action].includes(LETTER[r]));
}
