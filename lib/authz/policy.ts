// The single authorization module (STYLE.md): role × action table, deny by default,
// and scopeFor() giving the Prisma `where` that limits a user to what they may see.
import type { Role } from "@/lib/generated/prisma/enums";

export const ROLES = [
  "PLATFORM_ASSISTANT",
  "PLATFORM_MANAGER",
  "REGION_REFERENT",
  "REGION_FINANCE",
  "FRANCE_TRAVAIL_REVIEWER",
  "DPO",
  "ADMIN",
] as const satisfies readonly Role[];

export const ACTIONS = [
  "home.view",
  "profile.view",
  "token.manage",
  "company.read",
  "company.write",
  "contact.read",
  "contact.write",
  "callback.read",
  "callback.write",
  "visit.read",
  "visit.write",
  "offer.read",
  "offer.write",
  "jobSeeker.read",
  "jobSeeker.write",
  "jobSeeker.readArchived",
  "proposal.read",
  "proposal.write",
  "diagnostic.read",
  "diagnostic.write",
  "event.read",
  "event.write",
  "chefDeFile.read",
  "chefDeFile.write",
  "governance.read",
  "governance.write",
  "bilan.read",
  "bilan.close",
  "bilan.reopen",
  "ftReport.read",
  "ftReport.personalData",
  "objective.write",
  "annualReport.write",
  "tableExport.run",
  "subsidy.read",
  "subsidy.write",
  "subsidy.submit",
  "subsidy.review",
  "subsidy.approve",
  "subsidy.export",
  "payment.write",
  "ruleSet.read",
  "ruleSet.write",
  "audit.read",
  "rights.read",
  "rights.write",
  "breach.read",
  "breach.write",
  "purge.read",
  "purge.run",
  "register.read",
  "platform.read",
  "platform.write",
  "user.read",
  "user.write",
  "user.invite",
  "outbox.read",
  "notification.read",
  "search.run",
  // Tranche claims and refund orders: the platform claims a tranche; finance issues refund orders.
  "tranche.claim",
  "refundOrder.write",
  // Issue 7: two-factor enrolment (everyone; the only action left to a mandatory-2FA user not yet
  // enrolled) and the export of an audit-log search (DPO).
  "twoFactor.enrol",
  "audit.export",
  // Issue 14: public reference data (ROME, NAF, communes) for the pickers, to every signed-in user.
  "reference.read",
  // Issue 22: the platforms, as processors, record the rights requests they receive and the
  // breaches they detect (Région convention annex 1 art. 3.4, 3.5, 3.7); the admin edits the
  // forwarding addresses the conventions name.
  "rights.record",
  "breach.record",
  "setting.write",
] as const;

export type Action = (typeof ACTIONS)[number];

const PLATFORM_WORK: Action[] = [
  "search.run",
  "company.read",
  "company.write",
  "contact.read",
  "contact.write",
  "callback.read",
  "callback.write",
  "visit.read",
  "visit.write",
  "offer.read",
  "offer.write",
  "jobSeeker.read",
  "jobSeeker.write",
  "proposal.read",
  "proposal.write",
  "diagnostic.read",
  "diagnostic.write",
  "event.read",
  "event.write",
  "chefDeFile.read",
  "chefDeFile.write",
  "governance.read",
  "bilan.read",
];

const EVERYONE: Action[] = ["home.view", "profile.view", "token.manage", "notification.read", "twoFactor.enrol", "reference.read"];

/**
 * Processor duties of a platform (issue 22): record a rights request received or a breach detected,
 * and follow what it recorded (its own platform only). Acting on a request (erasure, answer…) stays
 * with the DPO ("rights.write", "breach.write").
 */
const PROCESSOR_DUTIES: Action[] = ["rights.read", "rights.record", "breach.read", "breach.record"];

/** Role × action table. Anything absent is denied. */
export const POLICY: Record<Role, ReadonlySet<Action>> = {
  PLATFORM_ASSISTANT: new Set([...EVERYONE, ...PLATFORM_WORK, ...PROCESSOR_DUTIES, "tableExport.run"]),
  PLATFORM_MANAGER: new Set([
    ...EVERYONE,
    ...PLATFORM_WORK,
    ...PROCESSOR_DUTIES,
    "governance.write",
    "bilan.close",
    "subsidy.read",
    "subsidy.write",
    "subsidy.submit",
    "tranche.claim",
    "jobSeeker.readArchived",
    "platform.read",
    "user.read",
    // Invite and manage the assistants of their own platform(s) only (lib/users/user.rules.ts).
    "user.invite",
    // Issue 5: convention objectives, annual report's qualitative section, table exports.
    "objective.write",
    "annualReport.write",
    "tableExport.run",
  ]),
  REGION_REFERENT: new Set([
    ...EVERYONE,
    "search.run",
    "company.read",
    "callback.read",
    "visit.read",
    "offer.read",
    "jobSeeker.read",
    "proposal.read",
    "event.read",
    "chefDeFile.read",
    "governance.read",
    "bilan.read",
    "bilan.reopen",
    "platform.read",
    // Issue 5: convention objectives and table exports.
    "objective.write",
    "tableExport.run",
  ]),
  REGION_FINANCE: new Set([
    ...EVERYONE,
    "subsidy.read",
    "subsidy.write",
    "subsidy.review",
    "subsidy.approve",
    "subsidy.export",
    "payment.write",
    "refundOrder.write",
    "ruleSet.read",
    "bilan.read",
    "platform.read",
  ]),
  FRANCE_TRAVAIL_REVIEWER: new Set([...EVERYONE, "ftReport.read", "subsidy.read",
    // The monthly personal-data return (issue 5): still limited to the files assigned to the reviewer.
    "ftReport.personalData"]),
  DPO: new Set([
    ...EVERYONE,
    "audit.read",
    "rights.read",
    "rights.write",
    "rights.record",
    "breach.read",
    "breach.write",
    "breach.record",
    "purge.read",
    "purge.run",
    "register.read",
    "jobSeeker.readArchived",
    "ruleSet.read",
    "platform.read",
    "audit.export",
  ]),
  ADMIN: new Set([
    ...EVERYONE,
    "platform.read",
    "platform.write",
    "user.read",
    "user.write",
    "user.invite",
    "outbox.read",
    "ruleSet.read",
    "ruleSet.write",
    "setting.write",
  ]),
};

export interface Principal {
  id: string;
  role: Role;
  allPlatforms: boolean;
  platformIds: readonly string[];
  /** A role that requires two-factor login without it set up yet: only the enrolment is allowed. */
  mustEnrolTotp?: boolean;
}

export function can(user: Principal | null | undefined, action: Action): boolean {
  if (!user) return false;
  if (user.mustEnrolTotp && action !== "twoFactor.enrol") return false;
  return POLICY[user.role]?.has(action) ?? false;
}

/** Roles whose work spans every platform (when the account is flagged allPlatforms). */
const REGION_WIDE: ReadonlySet<Role> = new Set(["REGION_REFERENT", "REGION_FINANCE", "DPO"]);

export type ScopedModel =
  | "platform"
  | "company"
  | "companyContact"
  | "callback"
  | "visit"
  | "followUp"
  | "offer"
  | "jobSeeker"
  | "proposal"
  | "diagnostic"
  | "event"
  | "chefDeFile"
  | "governance"
  | "subsidyFile"
  | "rightsRequest"
  | "breach"
  | "snapshot"
  /** Archived job seekers (retention): platform manager (own platforms) and DPO, with a stated reason. */
  | "archivedJobSeeker";

const READ_ACTION: Record<ScopedModel, Action> = {
  platform: "platform.read",
  company: "company.read",
  companyContact: "contact.read",
  callback: "callback.read",
  visit: "visit.read",
  followUp: "visit.read",
  offer: "offer.read",
  jobSeeker: "jobSeeker.read",
  proposal: "proposal.read",
  diagnostic: "diagnostic.read",
  event: "event.read",
  chefDeFile: "chefDeFile.read",
  governance: "governance.read",
  subsidyFile: "subsidy.read",
  rightsRequest: "rights.read",
  breach: "breach.read",
  snapshot: "bilan.read",
  archivedJobSeeker: "jobSeeker.readArchived",
};

/** Matches nothing: used where a role may call an action but owns no record of that kind. */
const NOTHING = { id: { in: [] as string[] } } as const;

export type ScopeWhere = Record<string, unknown>;

/**
 * The Prisma `where` limiting `user` to the records of `model` they may read, or null when they
 * may read none (callers answer 403 for a list, 404 for a record). Deny by default.
 */
export function scopeFor(user: Principal, model: ScopedModel): ScopeWhere | null {
  if (!can(user, READ_ACTION[model])) return null;
  const platformIds = [...user.platformIds];
  const wide = user.allPlatforms && REGION_WIDE.has(user.role);

  if (model === "platform") {
    if (wide || user.role === "ADMIN") return {};
    return { id: { in: platformIds } };
  }
  // A Région referent follows only the job seekers assigned to them (numéro-vert callers).
  if (user.role === "REGION_REFERENT" && (model === "jobSeeker" || model === "proposal")) {
    return model === "jobSeeker" ? { referentId: user.id } : { jobSeeker: { referentId: user.id } };
  }
  // A France Travail reviewer sees only the France Travail files assigned to them.
  if (user.role === "FRANCE_TRAVAIL_REVIEWER" && model === "subsidyFile") {
    return { funder: "FRANCE_TRAVAIL", reviewerId: user.id };
  }
  if (wide) return {};
  if (platformIds.length === 0) return NOTHING;
  return { platformId: { in: platformIds } };
}

export function isPersonalDataRole(role: Role): boolean {
  return role !== "REGION_FINANCE" && role !== "ADMIN";
}

/**
 * The platforms' roles: processors under the Région convention (annex 1). What they record as such
 * (a rights request received, a breach detected) is forwarded at once to the controller (issue 22).
 */
export function isProcessorRole(role: Role): boolean {
  return role === "PLATFORM_ASSISTANT" || role === "PLATFORM_MANAGER";
}
