// Issue 21 — the route → permission table, written and reviewed by hand, independent of the route
// files. The unit test tests/unit/security/route-permissions.test.ts checks it against the route
// inventory (tests/support/route-inventory.ts, read from app/): a route missing here, a row whose
// route no longer exists, or a route file declaring another permission than its row all fail. The
// e2e matrix (e2e/security/matrix.spec.ts) takes the expected permission from this table, so a route
// that declares too lax a permission is caught even though the policy itself (can()) is unchanged.
//
// How to add a route: add ONE row per method — [method, URL pattern as in app/ (route groups
// removed, [param] kept), permission of lib/authz/policy.ts or "public"] — in the API or page block,
// in alphabetical order of the path. Choose the permission from what the route does and who may
// do it (docs/securite.md), not by copying the route file: that is the point of the review.
// A dynamic segment also needs a resolver in e2e/security/ids.ts.
import type { Action } from "../../lib/authz/policy";

export type PinnedMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "PAGE";
export type PermissionRow = readonly [method: PinnedMethod, path: string, permission: Action | "public"];

/** API routes: one row per exported method. */
export const API_PERMISSIONS: readonly PermissionRow[] = [
  ["GET", "/api/auth/[...nextauth]", "public"],
  ["POST", "/api/auth/[...nextauth]", "public"],
  ["GET", "/api/calendar", "public"], // issue 20: private ICS feed, the hashed revocable secret in the URL is the credential
  ["POST", "/api/email/callback", "public"], // issue 20: the e-mail relay's events (late bounces), authenticated by the secret in the URL
  ["GET", "/api/health", "public"],
  ["POST", "/api/sms/callback", "public"], // issue 20: SMS provider's delivery reports, authenticated by the secret in the URL
  ["GET", "/api/v1/audit-events", "audit.read"],
  ["GET", "/api/v1/audit-events/export", "audit.export"],
  ["GET", "/api/v1/breaches", "breach.read"],
  ["POST", "/api/v1/breaches", "breach.record"], // issue 22: platforms (processors) record the breaches they detect
  ["GET", "/api/v1/breaches/[id]", "breach.read"],
  ["PATCH", "/api/v1/breaches/[id]", "breach.write"],
  ["GET", "/api/v1/breaches/export", "breach.read"],
  ["GET", "/api/v1/callbacks", "callback.read"],
  ["POST", "/api/v1/callbacks", "callback.write"],
  ["GET", "/api/v1/callbacks/[id]", "callback.read"],
  ["PATCH", "/api/v1/callbacks/[id]", "callback.write"],
  ["POST", "/api/v1/callbacks/[id]/attempts", "callback.write"],
  ["GET", "/api/v1/chefs-de-file", "chefDeFile.read"],
  ["POST", "/api/v1/chefs-de-file", "chefDeFile.write"],
  ["GET", "/api/v1/chefs-de-file/[id]", "chefDeFile.read"],
  ["PATCH", "/api/v1/chefs-de-file/[id]", "chefDeFile.write"],
  ["POST", "/api/v1/chefs-de-file/[id]/information", "chefDeFile.write"], // issue 22 §2: notice given to a chef de file (sent by e-mail)
  ["DELETE", "/api/v1/chefs-de-file/[id]", "chefDeFile.write"],
  ["GET", "/api/v1/companies", "company.read"],
  ["POST", "/api/v1/companies", "company.write"],
  ["GET", "/api/v1/companies/[id]", "company.read"],
  ["PATCH", "/api/v1/companies/[id]", "company.write"],
  ["DELETE", "/api/v1/companies/[id]", "company.write"],
  ["GET", "/api/v1/companies/[id]/contacts", "contact.read"],
  ["POST", "/api/v1/companies/[id]/contacts", "contact.write"],
  ["GET", "/api/v1/companies/[id]/contacts/[contactId]", "contact.read"],
  ["PATCH", "/api/v1/companies/[id]/contacts/[contactId]", "contact.write"],
  ["DELETE", "/api/v1/companies/[id]/contacts/[contactId]", "contact.write"],
  ["POST", "/api/v1/companies/[id]/contacts/[contactId]/information", "contact.write"], // issue 22 §2: notice given to a company contact (sent by e-mail)
  ["GET", "/api/v1/events", "event.read"],
  ["POST", "/api/v1/events", "event.write"],
  ["GET", "/api/v1/events/[id]", "event.read"],
  ["PATCH", "/api/v1/events/[id]", "event.write"],
  ["POST", "/api/v1/events/[id]/cancel", "event.write"],
  ["GET", "/api/v1/events/[id]/invitations", "event.read"], // issue 20: answers and delivery states (names: audited read)
  ["POST", "/api/v1/events/[id]/invitations", "event.write"],
  ["POST", "/api/v1/events/[id]/letters", "event.write"], // issue 20: convocation letters PDF
  ["GET", "/api/v1/events/[id]/participants", "event.read"],
  ["POST", "/api/v1/events/[id]/participants", "event.write"],
  ["PATCH", "/api/v1/events/[id]/participants", "event.write"],
  ["GET", "/api/v1/france-travail/[subsidyFileId]/monthly", "ftReport.read"],
  ["GET", "/api/v1/governance-meetings", "governance.read"],
  ["POST", "/api/v1/governance-meetings", "governance.write"],
  ["GET", "/api/v1/governance-meetings/[id]", "governance.read"],
  ["PATCH", "/api/v1/governance-meetings/[id]", "governance.write"],
  ["DELETE", "/api/v1/governance-meetings/[id]", "governance.write"],
  ["GET", "/api/v1/governance-meetings/progress", "governance.read"],
  ["GET", "/api/v1/imports", "company.write"], // import history: for those who may import
  ["POST", "/api/v1/imports/[id]/undo", "company.write"],
  ["POST", "/api/v1/imports/companies", "company.write"],
  ["POST", "/api/v1/imports/companies/preview", "company.write"],
  ["GET", "/api/v1/imports/job-seekers", "jobSeeker.write"], // import history: for those who may import
  ["POST", "/api/v1/imports/job-seekers", "jobSeeker.write"],
  ["POST", "/api/v1/imports/job-seekers/[id]/undo", "jobSeeker.write"],
  ["POST", "/api/v1/imports/job-seekers/preview", "jobSeeker.write"],
  ["GET", "/api/v1/indicators", "bilan.read"],
  ["GET", "/api/v1/job-seekers", "jobSeeker.read"],
  ["POST", "/api/v1/job-seekers", "jobSeeker.write"],
  ["GET", "/api/v1/job-seekers/[id]", "jobSeeker.read"],
  ["PATCH", "/api/v1/job-seekers/[id]", "jobSeeker.write"],
  ["GET", "/api/v1/job-seekers/[id]/interactions", "jobSeeker.read"],
  ["POST", "/api/v1/job-seekers/[id]/interactions", "jobSeeker.write"],
  ["POST", "/api/v1/job-seekers/[id]/information", "jobSeeker.write"], // issue 22 §2: notice given (sent by e-mail)
  ["GET", "/api/v1/lists/[list]/export", "tableExport.run"],
  ["GET", "/api/v1/me", "profile.view"],
  ["GET", "/api/v1/mobility-diagnostics", "diagnostic.read"],
  ["POST", "/api/v1/mobility-diagnostics", "diagnostic.write"],
  ["GET", "/api/v1/mobility-diagnostics/[id]", "diagnostic.read"],
  ["PATCH", "/api/v1/mobility-diagnostics/[id]", "diagnostic.write"],
  ["GET", "/api/v1/notifications", "notification.read"],
  ["GET", "/api/v1/notifications/preferences", "notification.read"],
  ["PUT", "/api/v1/notifications/preferences", "notification.read"], // the caller's own preferences
  ["POST", "/api/v1/notifications/read", "notification.read"], // marks the caller's own notifications as read
  ["GET", "/api/v1/notices", "notice.write"], // issue 22 §7: every version of the notices and of the commitment (DPO, admin)
  ["POST", "/api/v1/notices", "notice.write"], // issue 22 §7: a new version (new row, never an edit)
  ["GET", "/api/v1/offers", "offer.read"],
  ["POST", "/api/v1/offers", "offer.write"],
  ["GET", "/api/v1/offers/[id]", "offer.read"],
  ["PATCH", "/api/v1/offers/[id]", "offer.write"],
  ["DELETE", "/api/v1/offers/[id]", "offer.write"],
  ["POST", "/api/v1/offers/[id]/transitions", "offer.write"],
  ["GET", "/api/v1/open-data/subventions", "subsidy.export"],
  ["GET", "/api/v1/openapi.json", "public"],
  ["GET", "/api/v1/platforms", "platform.read"],
  ["POST", "/api/v1/platforms", "platform.write"],
  ["GET", "/api/v1/platforms/[id]", "platform.read"],
  ["PATCH", "/api/v1/platforms/[id]", "platform.write"],
  ["GET", "/api/v1/processing-register", "register.read"],
  ["GET", "/api/v1/proposals", "proposal.read"],
  ["POST", "/api/v1/proposals", "proposal.write"],
  ["PATCH", "/api/v1/proposals/[id]", "proposal.write"],
  ["GET", "/api/v1/purge-runs", "purge.read"],
  ["GET", "/api/v1/purge-runs/[id]", "purge.read"],
  ["POST", "/api/v1/purge-runs/dry-run", "purge.run"],
  ["GET", "/api/v1/reports/annual/[platformId]/[year]/export", "bilan.read"],
  ["GET", "/api/v1/reports/monthly", "bilan.read"],
  ["POST", "/api/v1/reports/monthly/[platformId]/[month]/close", "bilan.close"],
  ["POST", "/api/v1/reports/monthly/[platformId]/[month]/reopen", "bilan.reopen"],
  ["GET", "/api/v1/reports/monthly/export", "bilan.read"],
  ["GET", "/api/v1/reports/objectives", "bilan.read"],
  ["PUT", "/api/v1/reports/objectives", "objective.write"],
  ["GET", "/api/v1/rights-requests", "rights.read"],
  ["POST", "/api/v1/rights-requests", "rights.record"], // issue 22: platforms record the requests they receive
  ["GET", "/api/v1/rights-requests/[id]", "rights.read"],
  ["POST", "/api/v1/rights-requests/[id]/actions", "rights.write"],
  ["GET", "/api/v1/rights-requests/[id]/export", "rights.write"], // issue 22: identity exports only for those who act on requests (DPO)
  ["GET", "/api/v1/rights-requests/[id]/revisions", "rights.write"], // issue 22: rectification history only for the DPO
  ["GET", "/api/v1/rights-requests/subjects", "rights.record"], // person search while filing a request: those who may record one, not every reader
  ["GET", "/api/v1/rule-sets", "ruleSet.read"],
  ["POST", "/api/v1/rule-sets", "ruleSet.write"],
  ["GET", "/api/v1/search", "search.run"],
  ["GET", "/api/v1/pickers/companies", "company.read"], // issue 14: company combobox, scoped like the companies list
  ["GET", "/api/v1/pickers/job-seekers", "jobSeeker.read"], // issue 14: job-seeker combobox, scoped and audited like the list
  ["GET", "/api/v1/public/communes", "public"], // issue 23: commune picker of the public intake forms (INSEE reference only)
  ["GET", "/api/v1/public/entreprises", "public"], // issue 23: company picker of the public form (SIRENE register's public data only, rate-limited)
  ["GET", "/api/v1/reference/communes", "reference.read"], // issue 14: public reference data (INSEE)
  ["GET", "/api/v1/reference/naf", "reference.read"],
  ["GET", "/api/v1/reference/rome", "reference.read"],
  ["GET", "/api/v1/reference/sirene", "company.read"], // issue 19: the register of the caller's perimeters, with « déjà suivie »
  ["GET", "/api/v1/subsidy-files", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files", "subsidy.submit"], // a platform files its own request
  ["GET", "/api/v1/subsidy-files/[id]", "subsidy.read"],
  ["PATCH", "/api/v1/subsidy-files/[id]", "subsidy.write"],
  // Issue 22 §4: the Région annual request is written by the platform (subsidy.submit), read by finance.
  ["GET", "/api/v1/subsidy-files/[id]/annual-request", "subsidy.read"],
  ["PATCH", "/api/v1/subsidy-files/[id]/annual-request", "subsidy.submit"],
  ["GET", "/api/v1/subsidy-files/[id]/budget-lines", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/budget-lines", "subsidy.write"],
  ["PATCH", "/api/v1/subsidy-files/[id]/budget-lines/[lineId]", "subsidy.write"],
  ["DELETE", "/api/v1/subsidy-files/[id]/budget-lines/[lineId]", "subsidy.write"],
  ["GET", "/api/v1/subsidy-files/[id]/payments", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/payments", "payment.write"],
  ["GET", "/api/v1/subsidy-files/[id]/receipts", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/receipts", "subsidy.write"],
  ["GET", "/api/v1/subsidy-files/[id]/receipts/[receiptId]", "subsidy.read"],
  ["GET", "/api/v1/subsidy-files/[id]/ft-bilan", "subsidy.read"],
  ["PATCH", "/api/v1/subsidy-files/[id]/ft-bilan", "subsidy.write"],
  ["GET", "/api/v1/subsidy-files/[id]/ft-indicators", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/ft-indicators", "subsidy.write"],
  ["PATCH", "/api/v1/subsidy-files/[id]/ft-indicators/[indicatorId]", "subsidy.write"],
  ["DELETE", "/api/v1/subsidy-files/[id]/ft-indicators/[indicatorId]", "subsidy.write"],
  ["GET", "/api/v1/subsidy-files/[id]/refund-orders", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/refund-orders", "refundOrder.write"],
  ["PUT", "/api/v1/subsidy-files/[id]/products", "subsidy.write"], // issue 22 §4: products of the compte rendu financier
  ["GET", "/api/v1/subsidy-files/[id]/tranches", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/tranches/[trancheId]/claim", "tranche.claim"],
  ["GET", "/api/v1/subsidy-files/[id]/transitions", "subsidy.read"],
  ["POST", "/api/v1/subsidy-files/[id]/transitions", "subsidy.read"], // each step then requires its own permission (TRANSITION_DEFS: subsidy.submit / review / approve)
  ["GET", "/api/v1/table-exports", "tableExport.run"],
  ["GET", "/api/v1/table-exports/[id]", "tableExport.run"],
  ["GET", "/api/v1/table-exports/[id]/file", "tableExport.run"],
  ["GET", "/api/v1/tokens", "token.manage"],
  ["POST", "/api/v1/tokens", "token.manage"],
  ["DELETE", "/api/v1/tokens/[id]", "token.manage"],
  ["GET", "/api/v1/users", "user.read"],
  ["POST", "/api/v1/users", "user.invite"],
  ["GET", "/api/v1/users/[id]", "user.read"],
  ["PATCH", "/api/v1/users/[id]", "user.invite"],
  ["GET", "/api/v1/visits", "visit.read"],
  ["POST", "/api/v1/visits", "visit.write"],
  ["GET", "/api/v1/visits/[id]", "visit.read"],
  ["PATCH", "/api/v1/visits/[id]", "visit.write"],
  ["DELETE", "/api/v1/visits/[id]", "visit.write"],
];

/** Pages: the action passed to requirePageUser() (or "public", listed in route-inventory.ts). */
export const PAGE_PERMISSIONS: readonly PermissionRow[] = [
  ["PAGE", "/", "home.view"],
  ["PAGE", "/administration/courriels", "outbox.read"],
  ["PAGE", "/administration/regles", "ruleSet.read"],
  ["PAGE", "/administration/textes", "notice.write"], // issue 22 §7: notices and commitment, by version
  ["PAGE", "/administration/utilisateurs", "user.read"],
  ["PAGE", "/administration/utilisateurs/[id]", "user.read"],
  ["PAGE", "/administration/utilisateurs/inviter", "user.invite"],
  ["PAGE", "/bilans", "bilan.read"],
  ["PAGE", "/bilans/indicateurs", "bilan.read"],
  ["PAGE", "/bilans/objectifs", "objective.write"],
  ["PAGE", "/bilans/rapport-annuel", "bilan.read"],
  ["PAGE", "/charte", "public"], // signed-in users before anything else (checks the session itself)
  ["PAGE", "/chefs-de-file", "chefDeFile.read"],
  ["PAGE", "/chefs-de-file/[id]", "chefDeFile.read"],
  ["PAGE", "/chefs-de-file/[id]/information", "chefDeFile.read"], // issue 22 §2: printable notice of a chef de file
  ["PAGE", "/chefs-de-file/[id]/modifier", "chefDeFile.write"],
  ["PAGE", "/chefs-de-file/nouveau", "chefDeFile.write"],
  ["PAGE", "/connexion", "public"],
  ["PAGE", "/demande-envoyee", "public"], // issue 23: acknowledgement of a public intake request (nothing stored shown)
  ["PAGE", "/demandes-en-ligne/[id]", "intake.read"], // issue 23: the routed platform's staff only (audited read)
  ["PAGE", "/demandeurs", "jobSeeker.read"],
  ["PAGE", "/demandeurs/[id]", "jobSeeker.read"],
  ["PAGE", "/demandeurs/[id]/diagnostics/[diagnosticId]/modifier", "diagnostic.write"],
  ["PAGE", "/demandeurs/[id]/information", "jobSeeker.read"], // issue 22 §2: printable notice
  ["PAGE", "/demandeurs/[id]/modifier", "jobSeeker.write"],
  ["PAGE", "/demandeurs/bientot-archives", "jobSeeker.read"],
  ["PAGE", "/demandeurs/import", "jobSeeker.write"],
  ["PAGE", "/demandeurs/nouveau", "jobSeeker.write"],
  ["PAGE", "/docs/api", "public"],
  ["PAGE", "/double-authentification", "twoFactor.enrol"],
  ["PAGE", "/entreprises", "company.read"],
  ["PAGE", "/entreprises/[id]", "company.read"],
  ["PAGE", "/entreprises/[id]/contacts/[contactId]/information", "contact.read"], // issue 22 §2: printable notice of a contact
  ["PAGE", "/entreprises/[id]/modifier", "company.write"],
  ["PAGE", "/entreprises/import", "company.write"],
  ["PAGE", "/entreprises/nouvelle", "company.write"],
  ["PAGE", "/evenements", "event.read"],
  ["PAGE", "/evenements/[id]", "event.read"],
  ["PAGE", "/evenements/[id]/emargement", "event.read"],
  ["PAGE", "/evenements/[id]/modifier", "event.write"],
  ["PAGE", "/evenements/modeles", "eventTemplate.write"], // issue 20: manager only
  ["PAGE", "/evenements/nouveau", "event.write"],
  ["PAGE", "/exports", "tableExport.run"],
  ["PAGE", "/financement", "subsidy.read"],
  ["PAGE", "/financement/[id]", "subsidy.read"],
  ["PAGE", "/financement/[id]/reversements/[orderId]", "subsidy.read"],
  ["PAGE", "/financement/echeances", "subsidy.read"],
  ["PAGE", "/france-travail", "ftReport.read"],
  ["PAGE", "/gouvernance", "governance.read"],
  ["PAGE", "/gouvernance/[id]", "governance.read"],
  ["PAGE", "/gouvernance/nouvelle", "governance.write"],
  ["PAGE", "/invitation", "public"], // issue 20: answer to a circuit-court invitation through the personal link
  ["PAGE", "/mot-de-passe/definir", "public"],
  ["PAGE", "/mot-de-passe/oublie", "public"],
  ["PAGE", "/notifications", "notification.read"],
  ["PAGE", "/offres", "offer.read"],
  ["PAGE", "/offres/[id]", "offer.read"],
  ["PAGE", "/offres/[id]/candidats", "proposal.read"],
  ["PAGE", "/offres/[id]/modifier", "offer.write"],
  ["PAGE", "/offres/nouvelle", "offer.write"],
  ["PAGE", "/plateformes", "platform.read"],
  ["PAGE", "/plateformes/[id]", "platform.read"],
  ["PAGE", "/plateformes/[id]/modifier", "platform.write"],
  ["PAGE", "/plateformes/nouvelle", "platform.write"],
  ["PAGE", "/profil", "profile.view"],
  ["PAGE", "/rappels", "callback.read"],
  ["PAGE", "/rappels/[id]", "callback.read"],
  ["PAGE", "/rappels/nouveau", "callback.write"],
  ["PAGE", "/recherche", "search.run"],
  ["PAGE", "/rgpd", "audit.read"],
  ["PAGE", "/rgpd/archives", "jobSeeker.readArchived"],
  ["PAGE", "/rgpd/archives/[id]", "jobSeeker.readArchived"],
  ["PAGE", "/rgpd/conservation", "purge.read"],
  ["PAGE", "/rgpd/conservation/[id]", "purge.read"],
  ["PAGE", "/rgpd/demandes", "rights.read"],
  ["PAGE", "/rgpd/demandes/[id]", "rights.read"],
  ["PAGE", "/rgpd/demandes/nouvelle", "rights.record"],
  ["PAGE", "/rgpd/registre", "register.read"],
  ["PAGE", "/rgpd/violations", "breach.read"],
  ["PAGE", "/rgpd/violations/[id]", "breach.read"],
  ["PAGE", "/rgpd/violations/nouvelle", "breach.record"],
  ["PAGE", "/prospection", "company.read"], // issue 19: prospecting list (writes go through server actions: visit.write, company.write)
  ["PAGE", "/administration/parametres", "setting.write"], // issue 22: forwarding addresses (admin)
  ["PAGE", "/visites", "visit.read"],
  ["PAGE", "/visites/[id]", "visit.read"],
  ["PAGE", "/visites/[id]/modifier", "visit.write"],
  ["PAGE", "/visites/nouvelle", "visit.write"],
  ["PAGE", "/vous-cherchez-un-emploi", "public"], // issue 23: public intake form (no account)
  ["PAGE", "/vous-recrutez", "public"], // issue 23: public intake form (no account)
];

/** The pinned permission of a route, or undefined when the table lacks it. */
export function pinnedPermission(method: PinnedMethod, path: string): Action | "public" | undefined {
  return [...API_PERMISSIONS, ...PAGE_PERMISSIONS].find(([m, p]) => m === method && p === path)?.[2];
}
