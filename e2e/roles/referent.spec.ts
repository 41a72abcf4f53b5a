import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.referent, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/entreprises", heading: /Entreprises/, nav: "Entreprises" },
  ],
  forbiddenPages: ["/financement", "/rgpd", "/administration/utilisateurs"],
  forbiddenApis: ["/api/v1/subsidy-files", "/api/v1/audit-events"],
  hiddenNav: ["Financement", "Données personnelles", "Utilisateurs"],
  homeFigures: ["platforms", "followedJobSeekers", "openOffers"],
});
