// Configuration of the register of processing activities (RGPD art. 30), from annex 1 of the
// convention cadre (art. 2, 3.3–3.12) and annex 1 of the France Travail convention. Pure data: the
// register page combines it with the platforms (processors) and the rule sets in force (retention
// periods, legal deadlines), so no figure here duplicates a rule set.

export const CONTROLLER_NAME = "Région Hauts-de-France";

export const REGISTER_CONFIG = {
  controller: {
    name: CONTROLLER_NAME,
    address: "151 avenue du Président Hoover, 59555 Lille Cedex",
    dpo: "Délégué·e à la protection des données de la Région Hauts-de-France",
  },
  processing: "Suivi des entreprises et des demandeurs d'emploi des plateformes territoriales Proch'Emploi",
  purposes: [
    "Mise en relation des demandeurs d'emploi avec les entreprises qui recrutent (positionnements, mises en relation, circuits courts)",
    "Accompagnement des demandeurs d'emploi (propositions de formation, d'accompagnement, diagnostic mobilité)",
    "Rappel des entreprises et des personnes qui le demandent, par le numéro vert ou le formulaire en ligne",
    "Suivi de l'activité des plateformes et bilans mensuels anonymes pour la Région",
    "Retour mensuel des données des bénéficiaires à France Travail pour les projets qu'il finance",
  ],
  legalBasis: "Mission d'intérêt public (RGPD art. 6.1.e) : compétence de la Région en matière de développement économique et d'emploi",
  dataCategories: [
    "Identité : civilité, nom, prénom, date de naissance",
    "Coordonnées : adresse complète, téléphone, adresse e-mail",
    "Identifiant France Travail (ex-Pôle emploi), s'il existe",
    "Mobilité : moyens de transport, temps de trajet maximum accepté, périmètre de mobilité",
    "Besoins d'accompagnement spécifiques (logement, garde d'enfants, financier, autres)",
    "Formation : dernière classe fréquentée, diplômes obtenus ou préparés, type de formation",
    "Situation professionnelle : situation d'emploi, durée sans emploi, type de contrat, expériences, compétences",
    "Statuts : CSP, RSA, RQTH, indemnisation",
    "Suivi : échanges, propositions et leurs suites, participations aux événements, date du dernier contact",
    "Contacts professionnels des entreprises et chefs de file : nom, prénom, fonction, coordonnées professionnelles",
  ],
  peopleCategories: [
    "Demandeurs d'emploi accompagnés par une plateforme",
    "Contacts professionnels des entreprises",
    "Chefs de file métiers (dirigeants, responsables RH)",
    "Personnels des plateformes et de la Région utilisateurs de l'application",
  ],
  recipients: [
    "Personnels habilités de la plateforme qui suit la personne (sous-traitant)",
    "Référent·e Région Proch'Emploi pour les personnes qui lui sont confiées",
    "France Travail, pour les bénéficiaires des projets qu'il finance (retour mensuel)",
    "Entreprises, pour les seules candidatures positionnées sur leurs offres",
  ],
  transfersOutsideEu: "Aucun transfert hors de l'Union européenne",
  securityMeasures: [
    "Comptes individuels et habilitations par rôle ; séparation logique des données de chaque plateforme",
    "Double authentification pour les rôles accédant aux données transmises à France Travail, au DPO, à l'administration et aux finances",
    "Journalisation des accès aux données personnelles et des modifications, chaînée et infalsifiable",
    "Échanges chiffrés (HTTPS) ; mots de passe hachés",
    "Sauvegardes et tests de restauration",
    "Engagement de confidentialité de chaque utilisateur, enregistré avec sa version",
    "Conservation limitée appliquée automatiquement chaque nuit (archivage puis destruction)",
    "Tests réguliers des mesures de sécurité",
  ],
} as const;
