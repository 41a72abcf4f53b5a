import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.reviewer, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    // Only the France Travail files assigned to them (see e2e/subsidy.spec.ts).
    { path: "/financement", heading: /Dossiers de subvention/, nav: "Financement" },
  ],
  forbiddenPages: ["/entreprises", "/rgpd", "/administration/utilisateurs"],
  forbiddenApis: ["/api/v1/companies", "/api/v1/audit-events"],
  hiddenNav: ["Entreprises", "Données personnelles", "Utilisateurs"],
  homeFigures: ["ftFiles", "beneficiaries"],
});
