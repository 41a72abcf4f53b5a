import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.finance, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/financement", heading: /Dossiers de subvention/, nav: "Financement" },
  ],
  forbiddenPages: ["/entreprises", "/rgpd", "/administration/utilisateurs", "/rappels", "/chefs-de-file", "/gouvernance"],
  forbiddenApis: ["/api/v1/companies", "/api/v1/audit-events", "/api/v1/callbacks", "/api/v1/chefs-de-file", "/api/v1/governance-meetings"],
  hiddenNav: ["Entreprises", "Données personnelles", "Utilisateurs", "Rappels", "Chefs de file", "Gouvernance"],
  homeFigures: ["regionFiles", "ftFiles", "platforms"],
});
