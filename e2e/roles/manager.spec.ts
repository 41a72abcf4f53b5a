import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.managerLens, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/entreprises", heading: /Entreprises/, nav: "Entreprises" },
    { path: "/rappels", heading: /Rappels numéro vert/, nav: "Rappels" },
    { path: "/chefs-de-file", heading: /Chefs de file métiers/, nav: "Chefs de file" },
    { path: "/gouvernance", heading: /Gouvernance/, nav: "Gouvernance" },
    { path: "/financement", heading: /Dossiers de subvention/, nav: "Financement" },
    { path: "/administration/utilisateurs", heading: /Utilisateurs/, nav: "Utilisateurs" },
  ],
  forbiddenPages: ["/rgpd"],
  forbiddenApis: ["/api/v1/audit-events"],
  hiddenNav: ["Données personnelles"],
  homeFigures: ["callbacksDue", "followUpsDue", "companies", "hiresThisMonth"],
});
