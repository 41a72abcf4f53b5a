// Business vocabulary of the demo: filières with their NAF codes and ROME jobs, plus the
// free-text lists the generators pick from. Kept apart so the generators stay readable.

export type Job = { rome: string; title: string; inTension: boolean };
export type Sector = { name: string; weight: number; naf: string[]; jobs: Job[] };

export const SECTORS: Sector[] = [
  {
    name: "BTP",
    weight: 14,
    naf: ["4120A", "4120B", "4321A", "4322A", "4399C"],
    jobs: [
      { rome: "F1703", title: "Maçon / Maçonne", inTension: true },
      { rome: "F1603", title: "Plombier-chauffagiste / Plombière-chauffagiste", inTension: true },
      { rome: "F1602", title: "Électricien / Électricienne du bâtiment", inTension: true },
      { rome: "F1701", title: "Coffreur-bancheur / Coffreuse-bancheuse", inTension: false },
    ],
  },
  {
    name: "Industrie",
    weight: 14,
    naf: ["2511Z", "2562B", "1013A", "2229A", "2932Z"],
    jobs: [
      { rome: "H2913", title: "Soudeur / Soudeuse", inTension: true },
      { rome: "H2903", title: "Opérateur / Opératrice sur machine à commande numérique", inTension: false },
      { rome: "H2102", title: "Conducteur / Conductrice de ligne de production alimentaire", inTension: false },
      { rome: "I1304", title: "Technicien / Technicienne de maintenance industrielle", inTension: true },
      { rome: "H2909", title: "Monteur-assembleur / Monteuse-assembleuse", inTension: false },
    ],
  },
  {
    name: "Logistique",
    weight: 16,
    naf: ["5210B", "5229A", "4941A", "4941B"],
    jobs: [
      { rome: "N1103", title: "Préparateur / Préparatrice de commandes", inTension: false },
      { rome: "N1101", title: "Cariste", inTension: false },
      { rome: "N4101", title: "Conducteur / Conductrice poids lourd", inTension: true },
      { rome: "N1303", title: "Chef / Cheffe d'équipe logistique", inTension: false },
    ],
  },
  {
    name: "Santé / médico-social",
    weight: 12,
    naf: ["8710A", "8610Z", "8810A", "8891A"],
    jobs: [
      { rome: "J1501", title: "Aide-soignant / Aide-soignante", inTension: true },
      { rome: "J1506", title: "Infirmier / Infirmière", inTension: true },
      { rome: "K1302", title: "Auxiliaire de vie", inTension: true },
      { rome: "J1301", title: "Agent / Agente de service hospitalier", inTension: false },
    ],
  },
  {
    name: "Commerce",
    weight: 14,
    naf: ["4711D", "4711F", "4771Z", "4520A"],
    jobs: [
      { rome: "D1507", title: "Employé / Employée de libre-service", inTension: false },
      { rome: "D1505", title: "Hôte / Hôtesse de caisse", inTension: false },
      { rome: "D1106", title: "Vendeur / Vendeuse en alimentation", inTension: false },
      { rome: "I1604", title: "Mécanicien / Mécanicienne automobile", inTension: true },
    ],
  },
  {
    name: "Hôtellerie-restauration",
    weight: 12,
    naf: ["5610A", "5610C", "5510Z"],
    jobs: [
      { rome: "G1602", title: "Cuisinier / Cuisinière", inTension: true },
      { rome: "G1603", title: "Équipier / Équipière polyvalent(e) de restauration", inTension: false },
      { rome: "G1803", title: "Serveur / Serveuse", inTension: true },
      { rome: "G1501", title: "Valet / Femme de chambre", inTension: false },
    ],
  },
  {
    name: "Services à la personne",
    weight: 10,
    naf: ["8810A", "8121Z", "8130Z"],
    jobs: [
      { rome: "K1304", title: "Aide ménager / Aide ménagère", inTension: true },
      { rome: "K2204", title: "Agent / Agente de propreté", inTension: false },
      { rome: "K1303", title: "Garde d'enfants à domicile", inTension: false },
      { rome: "A1203", title: "Jardinier / Jardinière paysagiste", inTension: false },
    ],
  },
  {
    name: "Numérique",
    weight: 8,
    naf: ["6201Z", "6202A", "6311Z", "8220Z"],
    jobs: [
      { rome: "M1805", title: "Développeur / Développeuse web", inTension: true },
      { rome: "M1810", title: "Technicien / Technicienne support informatique", inTension: false },
      { rome: "D1408", title: "Téléconseiller / Téléconseillère", inTension: false },
      { rome: "M1801", title: "Administrateur / Administratrice systèmes et réseaux", inTension: true },
    ],
  },
];

export const ALL_JOBS: Job[] = SECTORS.flatMap((s) => s.jobs);

export const CONTACT_TITLES = [
  "Gérant / Gérante",
  "Directeur / Directrice des ressources humaines",
  "Responsable ressources humaines",
  "Chargé / Chargée de recrutement",
  "Directeur / Directrice d'exploitation",
  "Responsable de site",
  "Assistant / Assistante de direction",
];

export const PARTNERS = ["France Travail", "Mission locale", "Cap emploi", "CCI", "Chambre de métiers", "OPCO", "Maison de l'emploi"];

export const VISIT_PURPOSES = [
  "Présentation du dispositif Proch'Emploi",
  "Recueil des besoins en recrutement",
  "Suivi d'un recrutement en cours",
  "Point GPEC avec la direction",
  "Visite avec un chef de file métier",
  "Préparation d'un circuit court",
];

export const FOLLOW_UP_LABELS = [
  "Envoyer une sélection de profils",
  "Relancer l'entreprise sur l'offre",
  "Transmettre la fiche de poste à France Travail",
  "Proposer une participation au prochain circuit court",
  "Organiser une période d'immersion (PMSMP)",
  "Mettre en relation avec l'OPCO pour la formation",
];

export const CALLBACK_NEEDS = [
  "Recrutement de 2 préparateurs de commandes en CDI",
  "Besoin en alternance pour la rentrée",
  "Remplacement d'un départ en retraite",
  "Formation des salariés aux habilitations électriques",
  "Renfort saisonnier",
  "Recrutement d'un technicien de maintenance",
];

export const REFUSAL_REASONS = ["Distance / transport", "Horaires incompatibles", "Salaire insuffisant", "Type de contrat", "Garde d'enfants"];
export const NOT_RETAINED_REASONS = ["Profil ne correspondant pas", "Expérience insuffisante", "Candidat retenu ailleurs", "Poste pourvu en interne"];

export const TRAININGS = [
  "CACES R489 catégories 1, 3 et 5",
  "Titre professionnel Préparateur de commandes",
  "POEI Aide-soignant",
  "Habilitation électrique B1V-BR",
  "Formation Hygiène alimentaire HACCP",
  "Titre professionnel Agent de propreté et d'hygiène",
];
export const ACCOMPANIMENTS = ["Atelier CV et lettre", "Accompagnement mobilité", "Préparation à l'entretien", "Aide au financement du permis B"];

export const LAST_CLASSES = ["3e", "CAP / BEP", "Seconde", "Terminale", "Bac+2", "Licence", "Master"];
export const DIPLOMAS = [
  "Aucun",
  "Brevet des collèges",
  "CAP Cuisine",
  "CAP Maçon",
  "BEP Logistique",
  "Bac pro Logistique",
  "Bac pro Commerce",
  "Bac STMG",
  "DEAS (aide-soignant)",
  "BTS MCO",
  "BTS SIO",
  "Licence LEA",
];
export const LANGUAGES = ["Français courant", "Français courant, anglais notions", "Français, arabe", "Français, anglais courant", "Français (FLE en cours)"];
export const CERTIFICATIONS = ["Aucune", "SST", "CACES R489 cat. 3", "Habilitation électrique B0", "HACCP", "FIMO marchandises"];
export const LICENCES = ["Permis B", "Permis B", "Permis B", "Aucun", "Permis B et C", "Permis AM"];
export const IT_SKILLS = ["Bureautique de base", "Word, Excel", "Usage du smartphone uniquement", "Logiciels de caisse", "Développement web (HTML, JavaScript)"];
/** Situation during follow-up of someone without activity and not in training. */
export const SITUATIONS = ["En recherche active", "En immersion (PMSMP)", "En attente de réponse d'employeur", "En préparation d'entretiens"];
export const STRENGTHS = [
  "Motivé(e), disponible rapidement ; frein : pas de véhicule",
  "Expérience solide dans le métier ; frein : horaires décalés difficiles",
  "Bon relationnel ; frein : manque de qualification",
  "Polyvalent(e) ; frein : garde d'enfants le mercredi",
  "Ponctuel(le) et rigoureux(se) ; frein : mobilité limitée au bus",
];
export const MOBILITY_SOLUTIONS = ["Aide au permis B", "Location de véhicule à tarif social", "Vélo à assistance électrique", "Covoiturage", "Aide au carburant"];
