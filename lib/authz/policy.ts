// The single authorization module (STYLE.md): role × action table, deny by default,
// and scopeFor() giving the Prisma `where` that limits a user to what they may see.
import type { Role } from "@/lib/generated/prisma/enums";
import { COMMITMENT_FREE_ACTIONS } from "@/lib/auth/charter.rules";

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
  // Issue 20: the wording of the circuit-court invitations, reminders and promotion messages.
  "eventTemplate.write",
  "chefDeFile.read",
  "chefDeFile.write",
  "governance.read",
  "governance.write",
  "bilan.read",
  "bilan.close",
  "bilan.reopen",
  /** Issue 17: the Région referent reviews (validates) a closed monthly bilan. */
  "bilan.review",
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
  /**
   * Issue 17: the due dates of the documents a platform owes the Région (convention cadre art. 7.3,
   * the compte rendu financier) and whether they came in — dates only, no amount, not the file.
   */
  "reportDeadline.read",
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
  // Issue 23: requests left on the public intake forms, read and converted (or discarded) by the
  // staff of the platform they were routed to — and by nobody else (not even region-wide roles).
  "intake.read",
  "intake.write",
  // Issue 22 §6: exports of a list holding identities (name, birth date, contact), with a stated
  // purpose; §7: new versions of the information notices and of the confidentiality commitment.
  "identityExport.run",
  "notice.write",
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
  "intake.read",
  "intake.write",
];

const EVERYONE: Action[] = ["home.view", "profile.view", "notification.read", "twoFactor.enrol", "reference.read"];

/**
 * Issue 22 §6 (minimisation, Région annex 1 art. 3.1 point 2: data processed « que pour la ou les
 * seule(s) finalité(s) qui fait/font l'objet de la sous-traitance »): personal API tokens only for
 * the roles that integrate the application with another tool —
 * - the platform manager (the platform's own tools: offers, companies, its team's follow-up),
 * - the France Travail reviewer (France Travail pulls its monthly aggregated figures, FT convention art. 7),
 * - the technical admin (provisioning of accounts and platforms).
 * Everyone else works in the screens: no token section on « Mon profil », 403 on /api/v1/tokens.
 */
export const API_TOKEN_ROLES: ReadonlySet<Role> = new Set<Role>(["PLATFORM_MANAGER", "FRANCE_TRAVAIL_REVIEWER", "ADMIN"]);

/**
 * Issue 22 §6: who may export a list holding identities (name, birth date, contact), with a purpose
 * stated from the rule set's list and audited. Only the platforms' staff, who work with the people
 * (Région annex 1 art. 3.1 point 2, art. 3.6 « pas de statistiques » beyond the purposes). A Région
 * referent, finance and the France Travail reviewer get no identity export — the reviewer's monthly
 * personal-data return is the France Travail convention's own transmission (art. 11, annex 1), not an
 * export of a list; the DPO's access/portability file answers a person's request (RGPD art. 15, 20).
 */
export const IDENTITY_EXPORT_ROLES: ReadonlySet<Role> = new Set<Role>(["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"]);

/**
 * Purposes of the identity exports whose purpose is fixed by their source (recorded in their audit
 * event, never asked): the rights answer and the France Travail return.
 */
export const FIXED_IDENTITY_EXPORT_PURPOSES = {
  rightsAnswer: "Réponse à la demande d'accès ou de portabilité de la personne (RGPD art. 15 et 20)",
  franceTravailReturn: "Retour mensuel des données personnelles à France Travail (convention France Travail art. 11, annexe 1)",
} as const;

/** Refusal messages more precise than the generic 403, by action. */
export const DENIAL_MESSAGES: Partial<Record<Action, string>> = {
  "token.manage": "Les jetons d'accès personnels sont réservés aux rôles qui relient l'application à un autre outil (responsable de plateforme, France Travail, administrateur technique).",
  "identityExport.run": "Cette liste contient l'identité des personnes (nom, date de naissance, coordonnées) : votre rôle ne permet pas de l'exporter.",
};

/**
 * The refusal message for `action` (a precise one when the policy has it). With the caller: a token
 * refused a session-only action whose role has it is told why (SESSION_ONLY_ACTIONS).
 */
export function denialMessage(action: Action, user?: Principal | null): string | undefined {
  if (user && SESSION_ONLY_ACTIONS.has(action) && !canReceivePersonalFile(user) && POLICY[user.role]?.has(action)) return PERSONAL_FILE_TOKEN_REFUSED;
  return DENIAL_MESSAGES[action];
}

/**
 * Processor duties of a platform (issue 22): record a rights request received or a breach detected,
 * and follow what it recorded (its own platform only). Acting on a request (erasure, answer…) stays
 * with the DPO ("rights.write", "breach.write").
 */
const PROCESSOR_DUTIES: Action[] = ["rights.read", "rights.record", "breach.read", "breach.record"];

const TABLE: Record<Role, ReadonlySet<Action>> = {
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
    "eventTemplate.write",
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
    "bilan.review",
    "platform.read",
    // Issue 17: which documents owed to the Région are late on the platforms they follow (dates
    // only): the compte rendu financier's qualitative annex reports the actions and results against
    // the platform's objectives (convention cadre art. 7.3), which the referent validates.
    "reportDeadline.read",
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
    // The notices' wording is agreed with the controller (Région annex 1 art. 3.3), whose DPO this is.
    "notice.write",
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
    // Versioned texts are administered like the rule sets (new version = new row).
    "notice.write",
  ]),
};

/** Role × action table. Anything absent is denied. Tokens and identity exports follow their role lists above. */
export const POLICY: Record<Role, ReadonlySet<Action>> = Object.fromEntries(
  ROLES.map((role) => {
    const set = new Set<Action>(TABLE[role]);
    if (API_TOKEN_ROLES.has(role)) set.add("token.manage");
    if (IDENTITY_EXPORT_ROLES.has(role)) set.add("identityExport.run");
    return [role, set] as const;
  }),
) as unknown as Record<Role, ReadonlySet<Action>>;

export interface Principal {
  id: string;
  role: Role;
  allPlatforms: boolean;
  platformIds: readonly string[];
  /** A role that requires two-factor login without it set up yet: only the enrolment is allowed. */
  mustEnrolTotp?: boolean;
  /**
   * false: the confidentiality commitment in force is not accepted (annex 1 art. 3.10.1; issue 22):
   * nothing but the profile and the commitment. Absent (principals built in code): not checked.
   */
  charterAccepted?: boolean;
  /**
   * How the request was authenticated: "session" (signed in through the login page, with the second
   * factor where the role requires it) or "token" (a personal API token: a long-lived secret a script
   * keeps, no second factor). Absent (principals built in code: jobs, tests): not a token.
   */
  credential?: "session" | "token";
}

/**
 * Files of personal data (identities) leave the application only to an interactive session, never
 * to a personal API token: France Travail requires the second factor for access to the personal
 * data it receives (FT convention, annex 1; shared/DOMAIN.md §5), and a token has none. The token
 * keeps everything else its role may do (the France Travail indicators, aggregated and anonymous).
 * - ftReport.personalData: the monthly personal-data return to France Travail;
 * - identityExport.run: a list export holding identities (the job seekers' list, in the foreground
 *   or in the background);
 * the DPO's access/portability answer (rights export) is refused the same way: canReceivePersonalFile.
 */
export const SESSION_ONLY_ACTIONS: ReadonlySet<Action> = new Set<Action>(["ftReport.personalData", "identityExport.run"]);

export const PERSONAL_FILE_TOKEN_REFUSED =
  "Ce fichier contient des données personnelles : il ne se télécharge que depuis une session ouverte avec la double authentification, pas avec un jeton d'accès personnel.";

/** Whether `user` may receive a file of personal data: an interactive session, never a token. */
export function canReceivePersonalFile(user: Principal): boolean {
  return user.credential !== "token";
}

export function can(user: Principal | null | undefined, action: Action): boolean {
  if (!user) return false;
  if (user.mustEnrolTotp && action !== "twoFactor.enrol") return false;
  if (user.charterAccepted === false && !COMMITMENT_FREE_ACTIONS.has(action)) return false;
  if (SESSION_ONLY_ACTIONS.has(action) && !canReceivePersonalFile(user)) return false;
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
  /** Issue 17: due dates of the documents owed to the Région (Région subsidy files, dates only). */
  | "reportDeadline"
  /** Archived job seekers (retention): platform manager (own platforms) and DPO, with a stated reason. */
  | "archivedJobSeeker"
  /** Public intake requests (issue 23): own platforms only, whatever the role's reach. */
  | "intake";

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
  reportDeadline: "reportDeadline.read",
  archivedJobSeeker: "jobSeeker.readArchived",
  intake: "intake.read",
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
  // The public form's personal data: only the routed platform's staff, never a region-wide reach.
  if (model === "intake") return platformIds.length === 0 ? NOTHING : { platformId: { in: platformIds } };
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
