import { ACCOUNTS } from "../support/accounts";
import { roleJourney } from "../support/role-journey";

roleJourney(ACCOUNTS.referent, {
  allowedPages: [
    { path: "/", heading: /Bonjour/, nav: "Accueil" },
    { path: "/entreprises", heading: /Entreprises/, nav: "Entreprises" },
    { path: "/rappels", heading: /Rappels numéro vert/, nav: "Rappels" },
    { path: "/chefs-de-file", heading: /Chefs de file métiers/, nav: "Chefs de file" },
    { path: "/gouvernance", heading: /Gouvernance/, nav: "Gouvernance" },
  ],
  forbiddenPages: ["/financement", "/rgpd", "/administration/utilisateurs", "/rappels/nouveau", "/chefs-de-file/nouveau", "/gouvernance/nouvelle"],
  forbiddenApis: ["/api/v1/subsidy-files", "/api/v1/audit-events"],
  hiddenNav: ["Financement", "Données personnelles", "Utilisateurs"],
  homeFigures: ["platforms", "followedJobSeekers", "openOffers"],
});
