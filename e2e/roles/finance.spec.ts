import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.finance, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/financement", heading: /Dossiers de subvention/, nav: "Financement" },
  ],
  forbiddenPages: ["/entreprises", "/rgpd", "/administration/utilisateurs"],
  forbiddenApis: ["/api/v1/companies", "/api/v1/audit-events"],
  hiddenNav: ["Entreprises", "Données personnelles", "Utilisateurs"],
  homeFigures: ["regionFiles", "ftFiles", "platforms"],
});
