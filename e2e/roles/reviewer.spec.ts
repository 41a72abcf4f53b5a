import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.reviewer, {
  allowedPages: [{ path: "/", heading: /Bonjour/, nav: "Accueil" }],
  forbiddenPages: ["/entreprises", "/financement", "/rgpd", "/administration/utilisateurs"],
  forbiddenApis: ["/api/v1/companies", "/api/v1/subsidy-files", "/api/v1/audit-events"],
  hiddenNav: ["Entreprises", "Financement", "Données personnelles", "Utilisateurs"],
  homeFigures: ["ftFiles", "beneficiaries"],
});
