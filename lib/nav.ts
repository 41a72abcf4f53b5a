// Navigation entries, each tied to the permission that opens its page: a role sees only what it may use.
import { can, type Action, type Principal } from "@/lib/authz/policy";

export interface NavItem {
  href: string;
  label: string;
  action: Action;
}

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
  { href: "/rgpd/demandes", label: "Droits des personnes", action: "rights.read" },
  { href: "/rgpd/violations", label: "Violations de données", action: "breach.read" },
  { href: "/rgpd/registre", label: "Registre des traitements", action: "register.read" },
  // Issue 7: archived job seekers, read with a stated reason (platform manager, DPO).
  { href: "/rgpd/archives", label: "Archives", action: "jobSeeker.readArchived" },
  { href: "/plateformes", label: "Plateformes", action: "platform.read" },
  { href: "/administration/utilisateurs", label: "Utilisateurs", action: "user.read" },
  { href: "/administration/regles", label: "Jeux de règles", action: "ruleSet.read" },
  { href: "/administration/courriels", label: "Courriels", action: "outbox.read" },
  // Issue 22: forwarding addresses named by the conventions.
  { href: "/administration/parametres", label: "Paramètres", action: "setting.write" },
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
