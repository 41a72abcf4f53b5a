import "server-only";
// The records an audit page's events are about, by name (issue 17 §4): « Fiche de Jeanne MARTIN »,
// « personne détruite le 12/03/2026 » once destroyed, with a link where the DPO may open it.
// One query per entity type present on the page, never one per event.
import type { Principal } from "@/lib/authz/policy";
import { can } from "@/lib/authz/policy";
import type { DbOrTx } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";

export interface AuditRecordRef {
  label: string;
  href: string | null;
}

const TYPE_LABELS: Record<string, string> = {
  JobSeeker: "Fiche demandeur", Company: "Entreprise", CompanyContact: "Contact d'entreprise", JobOffer: "Offre", SubsidyFile: "Dossier de subvention",
  RightsRequest: "Demande de droits", BreachRecord: "Violation de données", PurgeRun: "Exécution de la conservation", User: "Compte",
  Proposal: "Positionnement", MobilityDiagnostic: "Diagnostic mobilité", CircuitCourtEvent: "Événement", Visit: "Visite", ChefDeFile: "Chef de file",
  GovernanceMeeting: "Réunion de gouvernance", Platform: "Plateforme", RuleSet: "Jeu de règles", Tranche: "Tranche", Payment: "Versement",
  Receipt: "Justificatif", RefundOrder: "Ordre de reversement", BudgetLine: "Ligne de budget", MonthlySnapshot: "Bilan mensuel", MonthlyBilan: "Bilan mensuel",
  AnnualReport: "Rapport annuel", PlatformObjective: "Objectifs", NumeroVertCallback: "Rappel numéro vert", ImportBatch: "Import", TableExport: "Export de liste",
  ApiToken: "Jeton d'API", AuditEvent: "Journal d'audit", CompanyInteraction: "Échange avec une entreprise", FollowUpAction: "Suite de visite",
};

const RIGHTS_KIND: Record<string, string> = {
  ACCESS: "Demande d'accès", RECTIFICATION: "Demande de rectification", ERASURE: "Demande d'effacement", RESTRICTION: "Demande de limitation",
  OBJECTION: "Demande d'opposition", PORTABILITY: "Demande de portabilité",
};

const FUNDER: Record<string, string> = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" };

export function entityTypeLabel(type: string | null): string {
  return type ? (TYPE_LABELS[type] ?? type) : "—";
}

const personName = (p: { firstName: string | null; lastName: string | null }) => [p.firstName, p.lastName?.toUpperCase()].filter(Boolean).join(" ") || "(sans nom)";

/** Names of the events' records, keyed `${entityType}|${entityId}`. */
export async function auditRecordNames(db: DbOrTx, user: Principal, events: readonly { entityType: string | null; entityId: string | null; personId?: string | null }[]): Promise<Map<string, AuditRecordRef>> {
  const ids = (type: string) => [...new Set([
    ...events.filter((e) => e.entityType === type && e.entityId && /^[0-9a-f-]{36}$/i.test(e.entityId)).map((e) => e.entityId!),
    // Events about another record that name a person (proposal, diagnostic, rights request): the person too.
    ...(type === "JobSeeker" ? events.map((e) => e.personId).filter((id): id is string => !!id && /^[0-9a-f-]{36}$/i.test(id)) : []),
  ])];
  const out = new Map<string, AuditRecordRef>();
  const put = (type: string, id: string, label: string, href: string | null) => out.set(`${type}|${id}`, { label, href });
  const dpo = can(user, "audit.read");

  const seekers = ids("JobSeeker");
  if (seekers.length) {
    for (const s of await db.jobSeeker.findMany({ where: { id: { in: seekers } }, select: { id: true, firstName: true, lastName: true, lifecycle: true, destroyedAt: true } })) {
      if (s.lifecycle === "DESTROYED") put("JobSeeker", s.id, `Personne détruite le ${formatDate(s.destroyedAt)}`, null);
      else if (s.lifecycle === "ARCHIVED") put("JobSeeker", s.id, `Fiche archivée de ${personName(s)}`, can(user, "jobSeeker.readArchived") ? `/rgpd/archives/${s.id}` : null);
      else put("JobSeeker", s.id, `Fiche de ${personName(s)}`, dpo ? `/rgpd?person=${s.id}` : null);
    }
  }
  const companies = ids("Company");
  if (companies.length) for (const c of await db.company.findMany({ where: { id: { in: companies } }, select: { id: true, name: true } })) put("Company", c.id, `Entreprise ${c.name}`, null);
  const offers = ids("JobOffer");
  if (offers.length) for (const o of await db.jobOffer.findMany({ where: { id: { in: offers } }, select: { id: true, title: true } })) put("JobOffer", o.id, `Offre « ${o.title} »`, null);
  const files = ids("SubsidyFile");
  if (files.length) {
    for (const f of await db.subsidyFile.findMany({ where: { id: { in: files } }, select: { id: true, year: true, funder: true, platform: { select: { name: true } } } })) {
      put("SubsidyFile", f.id, `Dossier ${FUNDER[f.funder] ?? f.funder} ${f.year} — ${f.platform.name}`, can(user, "subsidy.read") ? `/financement/${f.id}` : null);
    }
  }
  const rights = ids("RightsRequest");
  if (rights.length) {
    for (const r of await db.rightsRequest.findMany({ where: { id: { in: rights } }, select: { id: true, kind: true, receivedAt: true } })) {
      put("RightsRequest", r.id, `${RIGHTS_KIND[r.kind] ?? r.kind} reçue le ${formatDate(r.receivedAt)}`, can(user, "rights.read") ? `/rgpd/demandes/${r.id}` : null);
    }
  }
  const breaches = ids("BreachRecord");
  if (breaches.length) {
    for (const b of await db.breachRecord.findMany({ where: { id: { in: breaches } }, select: { id: true, detectedAt: true } })) {
      put("BreachRecord", b.id, `Violation détectée le ${formatDateTime(b.detectedAt)}`, can(user, "breach.read") ? `/rgpd/violations/${b.id}` : null);
    }
  }
  const runs = ids("PurgeRun");
  if (runs.length) {
    for (const r of await db.purgeRun.findMany({ where: { id: { in: runs } }, select: { id: true, startedAt: true, dryRun: true } })) {
      put("PurgeRun", r.id, `${r.dryRun ? "Simulation" : "Exécution"} de la conservation du ${formatDateTime(r.startedAt)}`, can(user, "purge.read") ? `/rgpd/conservation/${r.id}` : null);
    }
  }
  const users = ids("User");
  if (users.length) for (const u of await db.user.findMany({ where: { id: { in: users } }, select: { id: true, firstName: true, lastName: true } })) put("User", u.id, `Compte de ${personName(u)}`, null);
  return out;
}
