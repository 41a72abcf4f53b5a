// Confidentiality commitment (issue 22 §7). Région convention, annex 1 art. 3.10.1: the processor
// sets up « un engagement de confidentialité visant à ce que les personnes autorisées à traiter les
// Données à caractère personnel soient soumises à une obligation de confidentialité », and must be
// able « de prouver que chaque personnel a été sensibilisé » (art. 3.10). The text is versioned
// (NoticeText CONFIDENTIALITY); a new version must be accepted again, and until it is, the account
// reaches nothing but its own profile and the commitment itself — on the pages and on the API.
import type { Action } from "@/lib/authz/policy";

/**
 * Whether the account has accepted the version in force. An account that accepted before the text
 * was versioned (charterVersion null) accepted version 1. No version in force: acceptance suffices.
 */
export function charterIsCurrent(acceptedAt: Date | null, acceptedVersion: number | null, currentVersion: number | null): boolean {
  if (!acceptedAt) return false;
  if (currentVersion === null) return true;
  return (acceptedVersion ?? 1) >= currentVersion;
}

/** What an account may still do before accepting: see its profile, its notifications, enrol 2FA. No data. */
export const COMMITMENT_FREE_ACTIONS: ReadonlySet<Action> = new Set<Action>(["home.view", "profile.view", "notification.read", "twoFactor.enrol"]);

export const COMMITMENT_REQUIRED_MESSAGE =
  "Engagement de confidentialité : acceptez sa version en vigueur (page « Engagement de confidentialité », /charte) avant d'accéder aux données.";
