// Navigation entries, each tied to the permission that opens its page: a role sees only what it may use.
import { can, type Action, type Principal } from "@/lib/authz/policy";

export interface NavItem {
  href: string;
  label: string;
  action: Action;
  /**
   * Seldom used by the field staff: when a role's menu is long (more than NAV_COLLAPSE_AFTER
   * entries), these go under « Plus » on a laptop so that the menu fits on one line at 1366 px.
   */
  secondary?: boolean;
}

/** Beyond this many entries, the secondary ones collapse into « Plus » (laptop only; the phone menu lists all). */
export const NAV_COLLAPSE_AFTER = 12;

export const NAV_ITEMS: NavItem[] = [
  { href: "/", label: "Accueil", action: "home.view" },
  { href: "/entreprises", label: "Entreprises", action: "company.read" },
  { href: "/prospection", label: "Prospection", action: "company.read" },
  { href: "/visites", label: "Visites", action: "visit.read" },
  { href: "/offres", label: "Offres", action: "offer.read" },
  { href: "/rappels", label: "Rappels", action: "callback.read" },
  { href: "/chefs-de-file", label: "Chefs de file", action: "chefDeFile.read" },
  { href: "/gouvernance", label: "Gouvernance", action: "governance.read" },
  { href: "/demandeurs", label: "Demandeurs d'emploi", action: "jobSeeker.read" },
  { href: "/evenements", label: "Événements", action: "event.read" },
  { href: "/bilans", label: "Bilans", action: "bilan.read" },
  { href: "/financement", label: "Financement", action: "subsidy.read" },
  { href: "/france-travail", label: "Projets France Travail", action: "ftReport.read" },
  { href: "/rgpd", label: "Données personnelles", action: "audit.read" },
  // Issue 7 (DPO): rights requests, breach register, register of processing activities.
  { href: "/rgpd/demandes", secondary: true, label: "Droits des personnes", action: "rights.read" },
  { href: "/rgpd/violations", secondary: true, label: "Violations de données", action: "breach.read" },
  { href: "/rgpd/registre", label: "Registre des traitements", action: "register.read" },
  // Issue 7: archived job seekers, read with a stated reason (platform manager, DPO).
  { href: "/rgpd/archives", secondary: true, label: "Archives", action: "jobSeeker.readArchived" },
  { href: "/plateformes", secondary: true, label: "Plateformes", action: "platform.read" },
  { href: "/administration/utilisateurs", label: "Utilisateurs", action: "user.read" },
  { href: "/administration/regles", label: "Jeux de règles", action: "ruleSet.read" },
  { href: "/administration/courriels", label: "Courriels", action: "outbox.read" },
  // Issue 22: forwarding addresses named by the conventions.
  { href: "/administration/parametres", label: "Paramètres", action: "setting.write" },
  // Issue 22 §7: versions of the information notices and of the confidentiality commitment (DPO, admin).
  { href: "/administration/textes", secondary: true, label: "Notices et engagement", action: "notice.write" },
  { href: "/profil", label: "Mon profil", action: "profile.view" },
];

/**
 * The signed-in person's own pages, out of the main navigation so that it fits on one line at
 * 1366 px for field staff (issue 14): linked from « Mon profil » and from the phone menu.
 */
export const USER_LINKS: NavItem[] = [
  { href: "/exports", label: "Mes exports", action: "tableExport.run" },
  { href: "/docs/api", label: "Aide : documentation de l'API", action: "token.manage" },
];

export function navFor(user: Principal): NavItem[] {
  return NAV_ITEMS.filter((i) => can(user, i.action));
}

/** The menu as shown on a laptop: the primary entries, and those under « Plus » (empty when the menu is short). */
export function splitNav<T extends { secondary?: boolean }>(items: readonly T[]): { primary: T[]; more: T[] } {
  const more = items.filter((i) => i.secondary);
  if (items.length <= NAV_COLLAPSE_AFTER || more.length < 2) return { primary: [...items], more: [] };
  return { primary: items.filter((i) => !i.secondary), more };
}

export function userLinksFor(user: Principal): NavItem[] {
  return USER_LINKS.filter((i) => can(user, i.action));
}

export const ROLE_LABELS: Record<Principal["role"], string> = {
  PLATFORM_ASSISTANT: "Assistant·e de plateforme",
  PLATFORM_MANAGER: "Responsable de plateforme",
  REGION_REFERENT: "Référent·e Région",
  REGION_FINANCE: "Finances Région",
  FRANCE_TRAVAIL_REVIEWER: "France Travail",
  DPO: "Délégué·e à la protection des données",
  ADMIN: "Administrateur·rice",
};
