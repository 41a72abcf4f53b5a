import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.admin, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/administration/utilisateurs", heading: /Utilisateurs/, nav: "Utilisateurs" },
  ],
  forbiddenPages: ["/entreprises", "/financement", "/rgpd"],
  forbiddenApis: ["/api/v1/companies", "/api/v1/subsidy-files", "/api/v1/audit-events"],
  hiddenNav: ["Entreprises", "Financement", "Données personnelles"],
  homeFigures: ["users", "platforms", "ruleSets"],
});
