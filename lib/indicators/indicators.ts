// The monthly bilan's indicators, defined once (shared/DOMAIN.md §3): key, French label, the sentence
// that says exactly what is counted, unit, and how months add up into a period. Pure module: the
// compute service, the dashboards, the exports, the API and the definitions page all read it.
// Any change of meaning must bump INDICATORS_VERSION, which every closed snapshot records.

// 2026.2 (issue 23): intake volumes by source added; no earlier definition changed.
export const INDICATORS_VERSION = "2026.2";

export const CONTRACT_TYPES = ["CDI", "CDD", "ALTERNANCE", "APPRENTISSAGE", "INTERIM", "CONTRAT_AIDE", "AUTRE"] as const;
export type ContractTypeName = (typeof CONTRACT_TYPES)[number];

export const CONTRACT_LABELS: Record<ContractTypeName, string> = {
  CDI: "CDI",
  CDD: "CDD",
  ALTERNANCE: "alternance",
  APPRENTISSAGE: "apprentissage",
  INTERIM: "intérim",
  CONTRAT_AIDE: "contrat aidé",
  AUTRE: "autre contrat",
};

export type IndicatorUnit = "entreprises" | "rappels" | "jours" | "offres" | "postes" | "personnes" | "propositions" | "embauches" | "événements" | "participations" | "réunions" | "chefs de file" | "demandes";

/**
 * How monthly values combine over a period: `sum` adds them; `stock` keeps the last month's value
 * (a headcount at month end); `median` takes the median of the monthly medians (an approximation
 * stated in the definition, since closed months keep only their own median).
 */
export type Aggregation = "sum" | "stock" | "median";

export type IndicatorFamily = "entreprises" | "numéro vert" | "offres" | "demandeurs" | "propositions" | "embauches" | "circuit court" | "réseau et gouvernance" | "demandes entrantes";

export interface IndicatorDefinition {
  key: string;
  label: string;
  definition: string;
  unit: IndicatorUnit;
  family: IndicatorFamily;
  aggregation: Aggregation;
}

const byContract = (prefix: string, what: string, unit: IndicatorUnit, family: IndicatorFamily, when: string): IndicatorDefinition[] =>
  CONTRACT_TYPES.map((c) => ({
    key: `${prefix}_${c}`,
    label: `${what} en ${CONTRACT_LABELS[c]}`,
    definition: `Parmi les ${what.toLowerCase()} ${when}, celles dont le contrat est : ${CONTRACT_LABELS[c]}.`,
    unit,
    family,
    aggregation: "sum" as const,
  }));

export const INDICATORS: readonly IndicatorDefinition[] = [
  { key: "companiesContacted", label: "Entreprises contactées", family: "entreprises", unit: "entreprises", aggregation: "sum",
    definition: "Entreprises distinctes ayant eu dans le mois au moins un échange noté (appel, e-mail, rencontre), une visite ou une tentative de rappel numéro vert. Sur une période, somme des mois (une entreprise contactée deux mois compte deux fois)." },
  { key: "companiesVisited", label: "Entreprises visitées", family: "entreprises", unit: "entreprises", aggregation: "sum",
    definition: "Entreprises distinctes ayant reçu au moins une visite datée du mois. Sur une période, somme des mois." },
  { key: "callbacksDone", label: "Rappels numéro vert effectués", family: "numéro vert", unit: "rappels", aggregation: "sum",
    definition: "Appels reçus au numéro vert dont la première tentative de rappel a eu lieu dans le mois." },
  { key: "callbackMedianDelayDays", label: "Délai médian de rappel", family: "numéro vert", unit: "jours", aggregation: "median",
    definition: "Médiane, en jours (arrondie au dixième), du temps entre l'appel reçu et la première tentative de rappel, pour les rappels effectués dans le mois ; vide s'il n'y en a aucun. Sur une période, médiane des médianes mensuelles." },
  { key: "callbacksOverdue", label: "Rappels en retard", family: "numéro vert", unit: "rappels", aggregation: "sum",
    definition: "Appels dont l'échéance de rappel tombe dans le mois et qui n'avaient pas été rappelés à cette échéance." },
  // Issue 23: how requests reach the platform, by source. Counted from the rows themselves, which
  // outlive the wiping of a request's personal fields, so a month's figures do not move afterwards.
  { key: "intakeNumeroVert", label: "Demandes d'entreprises reçues par le numéro vert", family: "demandes entrantes", unit: "demandes", aggregation: "sum",
    definition: "Appels d'entreprises au numéro vert enregistrés comme rappels à faire, datés par l'appel reçu dans le mois (hors demandes déposées en ligne)." },
  { key: "intakeOnlineCompanies", label: "Demandes d'entreprises reçues en ligne", family: "demandes entrantes", unit: "demandes", aggregation: "sum",
    definition: "Demandes déposées dans le mois sur le formulaire public « Vous recrutez ? » et orientées vers la plateforme par la commune de l'établissement (les envois refusés — hors périmètre, robots, trop de demandes — ne comptent pas)." },
  { key: "intakeOnlinePersons", label: "Demandes de personnes reçues en ligne", family: "demandes entrantes", unit: "demandes", aggregation: "sum",
    definition: "Demandes déposées dans le mois sur le formulaire public « Vous cherchez un emploi ? » et orientées vers la plateforme par la commune de la personne, qu'elles aient ensuite été enregistrées, écartées ou effacées faute de suite." },
  { key: "offersCollected", label: "Offres recueillies", family: "offres", unit: "offres", aggregation: "sum",
    definition: "Offres d'emploi reçues dans le mois (date de réception), hors brouillons." },
  { key: "offersHiddenMarket", label: "dont marché caché", family: "offres", unit: "offres", aggregation: "sum",
    definition: "Parmi les offres recueillies dans le mois, celles du marché caché (non publiées ailleurs)." },
  ...byContract("offersContract", "Offres recueillies", "offres", "offres", "dans le mois"),
  { key: "positionsOffered", label: "Postes proposés", family: "offres", unit: "postes", aggregation: "sum",
    definition: "Nombre de postes des offres recueillies dans le mois." },
  { key: "positionsFilled", label: "Postes pourvus", family: "offres", unit: "postes", aggregation: "sum",
    definition: "Embauches du mois sur une offre (positionnements sur offre conclus par une embauche datée du mois)." },
  { key: "offersFilled", label: "Offres pourvues", family: "offres", unit: "offres", aggregation: "sum",
    definition: "Offres entièrement pourvues dont la date « pourvue » tombe dans le mois." },
  { key: "offersCancelled", label: "Offres annulées", family: "offres", unit: "offres", aggregation: "sum",
    definition: "Offres annulées, datées par leur clôture dans le mois." },
  { key: "offersExpired", label: "Offres expirées", family: "offres", unit: "offres", aggregation: "sum",
    definition: "Offres expirées faute d'activité, datées par leur clôture dans le mois." },
  { key: "jobSeekersReceived", label: "Demandeurs d'emploi reçus", family: "demandeurs", unit: "personnes", aggregation: "sum",
    definition: "Demandeurs d'emploi enregistrés par la plateforme dans le mois (date de création de la fiche)." },
  { key: "jobSeekersYoung", label: "dont moins de 26 ans", family: "demandeurs", unit: "personnes", aggregation: "sum",
    definition: "Parmi les demandeurs reçus dans le mois, ceux qui avaient moins que l'âge « jeune » du jeu de règles en vigueur (26 ans) à leur enregistrement." },
  // Issue 22: no RSA or RQTH counts. Région convention annex 1 art. 3.6 forbids « des recherches,
  // analyses, statistiques non prévues par les prestations … même sous forme agrégée »; neither
  // convention asks for them, and RQTH reveals a disability. The fields stay on the record (art. 2).
  { key: "proposalsJob", label: "Positionnements sur offre", family: "propositions", unit: "propositions", aggregation: "sum",
    definition: "Propositions d'une offre d'emploi (mises en relation) faites dans le mois." },
  { key: "proposalsTraining", label: "Propositions de formation", family: "propositions", unit: "propositions", aggregation: "sum",
    definition: "Propositions d'une formation faites dans le mois." },
  { key: "proposalsAccompaniment", label: "Propositions d'accompagnement", family: "propositions", unit: "propositions", aggregation: "sum",
    definition: "Propositions d'un accompagnement faites dans le mois." },
  { key: "proposalsAccepted", label: "Propositions acceptées", family: "propositions", unit: "propositions", aggregation: "sum",
    definition: "Parmi les propositions faites dans le mois, celles acceptées par la personne (acceptée, entretien ou embauche) à la date du calcul." },
  { key: "proposalsRefused", label: "Propositions refusées", family: "propositions", unit: "propositions", aggregation: "sum",
    definition: "Parmi les propositions faites dans le mois, celles refusées par la personne à la date du calcul." },
  { key: "proposalsNotRetained", label: "Candidatures non retenues", family: "propositions", unit: "propositions", aggregation: "sum",
    definition: "Parmi les propositions faites dans le mois, celles où l'employeur n'a pas retenu la personne, à la date du calcul." },
  { key: "hires", label: "Embauches", family: "embauches", unit: "embauches", aggregation: "sum",
    definition: "Positionnements sur offre conclus par une embauche datée du mois." },
  ...byContract("hiresContract", "Embauches", "embauches", "embauches", "du mois"),
  { key: "eventsHeld", label: "Réunions circuit court tenues", family: "circuit court", unit: "événements", aggregation: "sum",
    definition: "Réunions circuit court, job datings et forums tenus dans le mois (état « tenu »)." },
  { key: "eventYoungParticipants", label: "Jeunes présents aux réunions", family: "circuit court", unit: "participations", aggregation: "sum",
    definition: "Présences de demandeurs de moins de 26 ans (âge au jour de l'événement) aux événements tenus dans le mois." },
  { key: "eventJobSeekerParticipants", label: "Demandeurs présents aux réunions", family: "circuit court", unit: "participations", aggregation: "sum",
    definition: "Présences de demandeurs d'emploi aux événements tenus dans le mois." },
  { key: "eventCompanies", label: "Entreprises présentes aux réunions", family: "circuit court", unit: "participations", aggregation: "sum",
    definition: "Présences d'entreprises aux événements tenus dans le mois." },
  { key: "eventHires", label: "Embauches issues des réunions", family: "circuit court", unit: "embauches", aggregation: "sum",
    definition: "Embauches du mois sur une offre recueillie lors d'un événement circuit court." },
  { key: "chefsDeFileActive", label: "Chefs de file actifs", family: "réseau et gouvernance", unit: "chefs de file", aggregation: "stock",
    definition: "Chefs de file métiers actifs à la fin du mois (engagés à cette date et non retirés). Sur une période, valeur du dernier mois." },
  { key: "governanceMeetingsHeld", label: "Réunions de gouvernance tenues", family: "réseau et gouvernance", unit: "réunions", aggregation: "sum",
    definition: "Coprésidences, pôles dirigeants et comités techniques tenus dans le mois." },
  { key: "governanceMeetingsRequired", label: "Réunions de gouvernance requises", family: "réseau et gouvernance", unit: "réunions", aggregation: "sum",
    definition: "Minimum annuel de réunions de gouvernance fixé par le jeu de règles en vigueur (coprésidences + pôles dirigeants + comités techniques s'il y en a un), réparti à un douzième par mois (au centième)." },
];

export type IndicatorKey = string;
/** Figures of one platform (or the region) for one month: one value per indicator key; null = not applicable. */
export type Figures = Record<IndicatorKey, number | null>;

export const INDICATOR_BY_KEY: ReadonlyMap<string, IndicatorDefinition> = new Map(INDICATORS.map((d) => [d.key, d]));

export function emptyFigures(): Figures {
  return Object.fromEntries(INDICATORS.map((d) => [d.key, d.aggregation === "median" ? null : 0]));
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Combines monthly figures (in month order) into one period, per each indicator's aggregation. */
export function aggregateFigures(months: readonly Figures[]): Figures {
  const out = emptyFigures();
  if (months.length === 0) return out;
  for (const d of INDICATORS) {
    const values = months.map((m) => m[d.key]).filter((v): v is number => typeof v === "number");
    if (d.aggregation === "sum") out[d.key] = round2(values.reduce((s, v) => s + v, 0));
    else if (d.aggregation === "stock") out[d.key] = months[months.length - 1]![d.key] ?? 0;
    else out[d.key] = median(values);
  }
  return out;
}

/** Region totals for one month: platforms' figures combined (sums; stock summed; median of medians). */
export function combinePlatforms(platforms: readonly Figures[]): Figures {
  const out = emptyFigures();
  for (const d of INDICATORS) {
    const values = platforms.map((p) => p[d.key]).filter((v): v is number => typeof v === "number");
    out[d.key] = d.aggregation === "median" ? median(values) : round2(values.reduce((s, v) => s + v, 0));
  }
  return out;
}
