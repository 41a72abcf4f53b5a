// Field-by-field editing of rule sets, generated from their zod schemas (rule-set.schema.ts): the
// form walks the schema, so a new rule field needs no new UI code. Units come from the field
// name: …Cents = euros (cents stored), …Bp = percentage (basis points stored), …Days/Months/Hours.
// Labels and help are French, from the dictionary below, with a readable fallback. Pure (zod only).
import type { z } from "zod";

export type FieldUnit = "cents" | "bp" | "days" | "months" | "hours" | "etp" | "none";

/** Minimal view of a zod 4 schema definition (the public `_zod.def`). */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string>;
  defaultValue?: unknown;
}
export const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const LABELS: Record<string, string> = {
  fundingRateBp: "Taux de financement",
  minTerritoryShareBp: "Part minimale du territoire",
  eligibleCategories: "Catégories de dépenses éligibles",
  nonEligibleCategories: "Catégories de dépenses non éligibles",
  code: "Code",
  identityExportPurposes: "Finalités d'un export d'identités (nom, date de naissance, coordonnées)",
  label: "Libellé",
  capsByEtp: "Plafonds annuels par effectif",
  etp: "Effectif (ETP)",
  capCents: "Plafond",
  largeTerritory: "Grand territoire",
  minPopulation: "Population au-delà de laquelle (habitants)",
  minCompanies: "Nombre d'entreprises au-delà duquel",
  tranches: "Tranches de versement",
  rank: "Rang",
  shareBp: "Part de l'attribution",
  condition: "Condition (pièces à fournir)",
  dueDaysAfter: "Délai en jours",
  dueMonthsAfter: "Délai en mois",
  anchor: "Le délai court à partir de",
  requires: "Pièces requises avant la demande",
  gapExplanationThresholdBp: "Seuil d'écart à expliquer",
  openDataThresholdCents: "Seuil de publication en données ouvertes",
  attributor: "Attribuant (données ouvertes)",
  name: "Nom",
  siret: "SIRET",
  durationMonths: "Durée de la convention (mois)",
  deMinimis: "Aides de minimis",
  ceilingCents: "Plafond",
  years: "Période glissante (années)",
  penalties: "Majorations (article 8)",
  intermediateBilanMonthsAfterSignature: "Bilan intermédiaire : au plus tard après la signature (mois)",
  finalBilanMonthsBeforeMeeting: "Bilan final : envoi avant la réunion de bilan (mois)",
  masking: "Secret statistique : masquer les petits effectifs dans",
  monthly: "le fichier mensuel d'indicateurs",
  intermediateBilan: "le bilan intermédiaire",
  finalBilan: "le bilan final",
  termination: "Résiliation (article 14)",
  requestNoticeMonths: "À la demande d'une partie : prise d'effet après la réception (mois)",
  breachNoticeDays: "Pour inexécution : prise d'effet après la mise en demeure (jours)",
  terminationNoticeMonths: "Résiliation : prise d'effet après l'envoi de la lettre recommandée (mois)",
  paymentRequiresActivityBilan: "Versement subordonné à la présentation du bilan d'activité",
  deliberateSurchargeBp: "Majoration pour manquement délibéré",
  fraudSurchargeBp: "Majoration pour manœuvres frauduleuses",
  financialReportMonthsAfterFiscalYearEnd: "Compte rendu financier : délai après la clôture de l'exercice (mois)",
  teamRecruitmentMonthsAfterNotification: "Recrutement de l'équipe : délai après la notification (mois)",
  rightsRequestForwardHours: "Demande de droits : transmission (heures)",
  rightsRequestAnswerDays: "Demande de droits : réponse (jours)",
  controllerOrderDays: "Instruction du responsable de traitement (jours)",
  breachNotifyHours: "Violation de données : notification (heures)",
  formalNoticeResponseDays: "Mise en demeure : délai de réponse (jours)",
  financialReportWithholdingBp: "Retenue pour compte rendu financier manquant",
  refundOrderDueDays: "Ordre de reversement : délai de paiement (jours)",
  franceTravailNotifyHours: "Demande ou violation concernant France Travail : transmission à son DPO (heures)",
  authorityRequestInformHours: "Requête d'une autorité : information du responsable (heures)",
  jobSeekerArchiveMonths: "Demandeur d'emploi : archivage après le dernier contact (mois)",
  jobSeekerDestroyMonths: "Demandeur d'emploi : destruction après le dernier contact (mois)",
  companyContactDestroyMonths: "Contact entreprise : destruction (mois)",
  preArchiveNoticeDays: "Préavis avant archivage (jours)",
  franceTravailDestroyMonthsAfterEnd: "Projet France Travail : destruction des données après l'échéance (mois)",
  intakeRequestMonths: "Demande en ligne non traitée : effacement après l'envoi (mois)",
  publicIntake: "Formulaire public : limites d'envoi",
  perAddress: "Demandes par adresse de contact (e-mail ou téléphone)",
  perIp: "Demandes par adresse IP",
  searchesPerIp: "Recherches d'entreprise dans le répertoire par adresse IP",
  communeSearchesPerIp: "Recherches de commune par adresse IP",
  windowMinutes: "Fenêtre de comptage (minutes)",
  closedRightsRequestMonths: "Demande de droits close : effacement de l'identité et du texte (mois)",
  breachRecordMonths: "Violation close : effacement du texte libre (mois)",
  auditEventMonths: "Journal d'audit : conservation des événements (mois)",
  receiptMonthsAfterYearEnd: "Justificatifs : suppression après la fin de l'année du dossier (mois)",
  companyNoteMonths: "Notes sur une entreprise : effacement après la note (mois)",
  soleTraderMonths: "Entrepreneur individuel : effacement du nom et de l'adresse après le dernier contact (mois)",
  rectificationHistoryMonths: "Historique des rectifications : conservation des valeurs antérieures (mois)",
  runLeaseMinutes: "Exécution de la conservation considérée comme interrompue sans signe de vie depuis (minutes)",
  numeroVertCallbackDelayDays: "Numéro vert : délai de rappel (jours)",
  callbackMaxAttempts: "Rappels : nombre maximal de tentatives",
  offerStaleDays: "Offre sans activité signalée après (jours)",
  offerExpireDays: "Offre expirée après (jours)",
  offerExpiryNoticeDays: "Préavis avant expiration d'une offre (jours)",
  youngAgeLimit: "« Jeunes » : âge strictement inférieur à",
  jobSeekerMinAge: "Âge minimal d'un demandeur d'emploi",
  governance: "Gouvernance : réunions minimales par an",
  COPRESIDENCE: "Coprésidence",
  POLE_DIRIGEANT: "Pôle dirigeant",
  COMITE_TECHNIQUE: "Comité technique",
  minPerYear: "Nombre minimal par an",
};

const HELP: Record<string, string> = {
  capsByEtp: "Le palier le plus élevé qui ne dépasse pas l'effectif de la plateforme s'applique.",
  largeTerritory: "Un territoire au-dessus des DEUX seuils reçoit ce plafond ; vide = pas encore fixé (le plafond normal s'applique, avec un avertissement).",
  gapExplanationThresholdBp: "Un écart prévu/réalisé supérieur à ce pourcentage du prévu doit être expliqué (0 = tout écart).",
  openDataThresholdCents: "Les conventions au-dessus de ce montant sont publiées (décret 2017-779).",
  financialReportWithholdingBp: "Pourcentage du montant attribué retenu quand la mise en demeure reste sans réponse ; vide = non fixé.",
  shareBp: "Les parts des tranches doivent faire 100 % au total.",
  requires: "Sans liste, la pièce du point de départ est requise.",
  paymentRequiresActivityBilan: "Cadre d'intervention §5 : « Le paiement de la subvention se fera sur présentation d'un bilan d'activité de la plateforme ». Cochée : chaque tranche et tout versement attendent ce bilan (la finance peut verser malgré tout, motif obligatoire et tracé).",
  masking: "Cochée : un effectif de 1 à (seuil − 1) personnes est remplacé par « < seuil » dans ce document, et une moyenne calculée sur si peu de personnes est masquée.",
};

export const ENUM_LABELS: Record<string, string> = {
  SIGNATURE: "la signature de la convention",
  INTERMEDIATE_REPORT: "le rapport intermédiaire",
  FINAL_REVIEW_MEETING: "la réunion de bilan final",
  START_ATTESTATION: "Attestation de démarrage",
  FINAL_REPORT: "Rapport final",
  RECEIPTS: "Justificatifs joints à la tranche",
  ACTIVITY_BILAN: "Bilan d'activité de la plateforme",
};

function humanize(key: string): string {
  const s = key.replace(/(Cents|Bp)$/, "").replace(/([a-z])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function fieldLabel(key: string): string {
  return LABELS[key] ?? humanize(key);
}

export function unitOf(key: string): FieldUnit {
  if (/Cents$/.test(key)) return "cents";
  if (/Bp$/.test(key)) return "bp";
  if (/Days$|DaysAfter$/.test(key)) return "days";
  if (/Months$|MonthsAfter|Months[A-Z]/.test(key)) return "months";
  if (/Hours$/.test(key)) return "hours";
  if (key === "etp") return "etp";
  return "none";
}

const UNIT_HELP: Record<FieldUnit, string | null> = {
  cents: "En euros, par exemple 100 000 ou 12 500,50.",
  bp: "En pourcentage, par exemple 80 ou 12,5.",
  days: null, months: null, hours: null, etp: "Équivalents temps plein, deux décimales au plus.", none: null,
};

export function fieldHelp(key: string): string | undefined {
  return [HELP[key], UNIT_HELP[unitOf(key)]].filter(Boolean).join(" ") || undefined;
}

// ───────────── display and parsing of a value by unit ─────────────

const fr = (n: number, digits = 2) => new Intl.NumberFormat("fr-FR", { maximumFractionDigits: digits }).format(n).replace(/[\u202f\u00a0]/g, " ");

/** Stored value → what the input shows (euros for cents, % for basis points). */
export function toInput(unit: FieldUnit, v: unknown): string {
  if (typeof v !== "number") return v === null || v === undefined ? "" : String(v);
  if (unit === "cents") return fr(v / 100);
  if (unit === "bp") return fr(v / 100);
  return String(v).replace(".", ",");
}

/** What the user typed → stored value, or an error message. */
export function fromInput(unit: FieldUnit, raw: string): { value: number } | { error: string } {
  const clean = raw.replace(/[\s\u00a0\u202f€%]/g, "").replace(",", ".");
  if (clean === "") return { error: "Valeur requise." };
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return { error: unit === "cents" ? "Montant en euros, par exemple 12 500,50." : "Nombre attendu." };
  const [, dec = ""] = clean.split(".");
  if ((unit === "cents" || unit === "bp" || unit === "etp") && dec.length > 2) return { error: "Deux décimales au plus." };
  const n = Number(clean);
  if (unit === "cents" || unit === "bp") return { value: Math.round(n * 100) };
  return { value: n };
}

/** A value shown in the diff: euros, %, or as is. */
export function displayValue(key: string, v: unknown): string {
  if (v === undefined) return "(absent)";
  if (v === null) return "(non fixé)";
  const unit = unitOf(key);
  if (typeof v === "number") return unit === "cents" ? `${fr(v / 100)} €` : unit === "bp" ? `${fr(v / 100)} %` : fr(v, 4);
  if (typeof v === "string") return ENUM_LABELS[v] ?? v;
  if (Array.isArray(v)) return v.every((x) => typeof x === "string") ? v.map((x) => ENUM_LABELS[x as string] ?? x).join(", ") || "(aucune)" : `${v.length} élément(s)`;
  return JSON.stringify(v);
}

// ───────────── empty values and differences ─────────────

/** A blank value for a new array item or an optional field being filled in. */
export function emptyValue(s: z.ZodType): unknown {
  const d = defOf(s);
  switch (d.type) {
    case "object": return Object.fromEntries(Object.entries(d.shape!).filter(([, f]) => defOf(f).type !== "optional").map(([k, f]) => [k, emptyValue(f)]));
    case "array": return [];
    case "optional": case "nullable": return emptyValue(d.innerType!);
    case "default": return typeof d.defaultValue === "function" ? (d.defaultValue as () => unknown)() : d.defaultValue;
    case "number": return 0;
    case "boolean": return false;
    case "enum": return Object.values(d.entries!)[0];
    default: return "";
  }
}

export interface FieldChange {
  path: string;
  /** Readable path: labels and 1-based item numbers. */
  label: string;
  before: string;
  after: string;
}

function labelPath(path: (string | number)[]): string {
  return path.map((p) => (typeof p === "number" ? `n° ${p + 1}` : fieldLabel(p))).join(" › ");
}

/** Leaf-by-leaf differences between two payloads (arrays of scalars compared as a whole). */
export function diffPayload(before: unknown, after: unknown, path: (string | number)[] = []): FieldChange[] {
  const key = [...path].reverse().find((p): p is string => typeof p === "string") ?? "";
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  const scalarArray = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null);
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffPayload(before[k], after[k], [...path, k]));
  }
  if (Array.isArray(before) && Array.isArray(after) && !(scalarArray(before) && scalarArray(after))) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => diffPayload(before[i], after[i], [...path, i])).flat();
  }
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if ((isObj(before) || isObj(after)) && (before === undefined || after === undefined)) {
    return [{ path: path.join("."), label: labelPath(path), before: before === undefined ? "(absent)" : "élément", after: after === undefined ? "(supprimé)" : "nouvel élément" }]
      .concat(diffPayload(isObj(before) ? before : {}, isObj(after) ? after : {}, path));
  }
  return [{ path: path.join("."), label: labelPath(path), before: displayValue(key, before), after: displayValue(key, after) }];
}
