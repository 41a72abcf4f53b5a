import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.dpo, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/rgpd", heading: /Journal d'audit/, nav: "Données personnelles" },
  ],
  forbiddenPages: ["/entreprises", "/financement", "/administration/utilisateurs"],
  forbiddenApis: ["/api/v1/companies", "/api/v1/subsidy-files"],
  hiddenNav: ["Entreprises", "Financement", "Utilisateurs"],
  homeFigures: ["auditEvents", "openRights", "archived"],
});
