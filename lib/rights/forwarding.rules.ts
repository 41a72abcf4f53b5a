// Who is told, and what the e-mail says, when a rights request or a breach is recorded (issue 22).
// Pure: addresses come from the admin-edited settings, dates are formatted for Paris.
//
// - Région convention annex 1 art. 3.4: a request received by the platform (processor) is sent
//   « par courrier électronique à contact@prochemploi.fr et au DPO de la Région »; art. 3.7: a breach
//   is notified the same way (plus a phone call to the Direction Proch'Emploi, recalled in the e-mail).
// - art. 3.5: a request from an administrative or judicial authority — the controller is informed.
// - France Travail convention annex 1, 2.7 (requests « dès réception ») and 2.8 (breaches, 36 hours),
//   art. 11 (« toute plainte qui lui serait adressée par une personne concernée »): when the data
//   returned to France Travail are concerned, its DPO is written to as well, whoever records it.
// - Région convention annex 1 art. 3.10.2 forbids personal data transiting over an unsecured channel:
//   the e-mail names the right, the dates, the platform and the reference, never the person; the
//   Région side opens the record in the application, France Travail is given the identity through
//   the secure channel of its annex 1 §4 (OneDrive with two-factor authentication).
import { layout } from "@/lib/email/templates";
import type { EmailMessage } from "@/lib/email/transport";
import type { Settings } from "@/lib/settings/settings.config";

export type ForwardTarget = "PROCH_EMPLOI_CONTACT" | "REGION_DPO" | "FRANCE_TRAVAIL_DPO";

export function forwardTargets(o: { recordedByPlatform: boolean; concernsFranceTravail: boolean }): ForwardTarget[] {
  const targets: ForwardTarget[] = o.recordedByPlatform ? ["PROCH_EMPLOI_CONTACT", "REGION_DPO"] : [];
  if (o.concernsFranceTravail) targets.push("FRANCE_TRAVAIL_DPO");
  return targets;
}

export function addressOf(target: ForwardTarget, s: Settings): string {
  if (target === "PROCH_EMPLOI_CONTACT") return s["rgpd.prochEmploiContactEmail"];
  if (target === "REGION_DPO") return s["rgpd.regionDpoEmail"];
  return s["rgpd.franceTravailDpoEmail"];
}

export const parisDateTime = (d: Date) => d.toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" });

export interface RightsForward {
  id: string;
  kindLabel: string;
  authority: boolean;
  channelLabel: string | null;
  platformName: string | null;
  receivedAt: Date;
  recordedAt: Date;
  answerDueAt: Date | null;
  subject: "JOB_SEEKER" | "COMPANY_CONTACT" | "CHEF_DE_FILE" | null;
  url: string;
}

const SUBJECT_LABELS = { JOB_SEEKER: "un·e demandeur·se d'emploi", COMPANY_CONTACT: "un contact d'entreprise", CHEF_DE_FILE: "un chef de file" } as const;

/** One message per address (the outbox sends and retries each on its own). */
export function rightsForwardEmails(r: RightsForward, targets: ForwardTarget[], s: Settings): EmailMessage[] {
  const who = r.platformName ? `la plateforme ${r.platformName}` : "le SI Proch'Emploi";
  return [...new Set(targets)].map((t) => {
    const ft = t === "FRANCE_TRAVAIL_DPO";
    const subject = r.authority
      ? `SI Proch'Emploi : requête d'une autorité reçue par ${who}`
      : `SI Proch'Emploi : demande d'exercice de droits (${r.kindLabel.toLowerCase()}) reçue par ${who}`;
    const paragraphs = [
      "Bonjour,",
      r.authority
        ? `Conformément à l'article 3.5 de l'annexe 1 de la convention cadre, ${who} vous informe d'une requête d'une autorité administrative ou judiciaire demandant communication de données personnelles.`
        : `${ft ? "Conformément à l'annexe 1 (point 2.7) de la convention de subvention France Travail" : "Conformément à l'article 3.4 de l'annexe 1 de la convention cadre"}, ${who} vous transmet une demande d'exercice du droit suivant : ${r.kindLabel}.`,
      `Reçue le ${parisDateTime(r.receivedAt)}${r.channelLabel ? ` (${r.channelLabel.toLowerCase()})` : ""} ; enregistrée le ${parisDateTime(r.recordedAt)}.`,
      ...(r.subject ? [`Personne concernée : ${SUBJECT_LABELS[r.subject]}.`] : []),
      ...(r.answerDueAt && !r.authority ? [`Réponse due à la personne au plus tard le ${parisDateTime(r.answerDueAt)}.`] : []),
      `Référence : ${r.id}.`,
      ft
        ? "Pour la sécurité des données (aucune donnée personnelle par courriel non chiffré), l'identité de la personne vous est communiquée par le canal sécurisé convenu (annexe 1, point 4)."
        : "L'identité de la personne et le détail de la demande sont consultables dans l'application, par les personnes habilitées.",
    ];
    const body = layout(paragraphs, ft ? null : { label: "Ouvrir la demande", url: r.url }, "Message envoyé automatiquement à l'enregistrement de la demande dans le SI Proch'Emploi.");
    return { to: addressOf(t, s), subject, ...body };
  });
}

export interface BreachForward {
  id: string;
  platformName: string | null;
  detectedAt: Date;
  recordedAt: Date;
  nature: string;
  dataCategories: string[];
  peopleCategories: string[];
  approxPeople: number | null;
  approxRecords: number | null;
  contact: string | null;
  consequences: string | null;
  measures: string | null;
  url: string;
}

/** Région annex 1 art. 3.7 and FT annex 1 2.8 list what a notification contains « au moins ». */
export function breachForwardEmails(b: BreachForward, targets: ForwardTarget[], s: Settings): EmailMessage[] {
  const who = b.platformName ? `la plateforme ${b.platformName}` : "le SI Proch'Emploi";
  const n = (v: number | null) => (v === null ? "non connu" : new Intl.NumberFormat("fr-FR").format(v));
  return [...new Set(targets)].map((t) => {
    const ft = t === "FRANCE_TRAVAIL_DPO";
    const paragraphs = [
      "Bonjour,",
      `${ft ? "Conformément à l'annexe 1 (point 2.8) et à l'article 11 de la convention de subvention France Travail" : "Conformément à l'article 3.7 de l'annexe 1 de la convention cadre"}, ${who} vous notifie une violation de données à caractère personnel.`,
      `Détectée le ${parisDateTime(b.detectedAt)} ; enregistrée le ${parisDateTime(b.recordedAt)}.`,
      `Nature de la violation : ${b.nature}`,
      `Catégories de données : ${b.dataCategories.join(", ") || "non précisées"} — nombre approximatif d'enregistrements : ${n(b.approxRecords)}.`,
      `Catégories de personnes : ${b.peopleCategories.join(", ") || "non précisées"} — nombre approximatif de personnes : ${n(b.approxPeople)}.`,
      `Conséquences probables : ${b.consequences ?? "en cours d'analyse"}`,
      `Mesures prises ou envisagées : ${b.measures ?? "en cours de définition"}`,
      `Point de contact : ${b.contact ?? "non précisé"}`,
      ...(ft ? [] : [`Rappel : la notification se fait aussi par téléphone à la Direction Proch'Emploi (${s["rgpd.prochEmploiPhone"]}).`]),
      `Référence : ${b.id}. Les informations manquantes seront communiquées de manière échelonnée, sans retard indu.`,
    ];
    const body = layout(paragraphs, ft ? null : { label: "Ouvrir la violation", url: b.url }, "Message envoyé automatiquement à l'enregistrement de la violation dans le SI Proch'Emploi.");
    return { to: addressOf(t, s), subject: `SI Proch'Emploi : violation de données notifiée par ${who}`, ...body };
  });
}
