// Circuit-court invitations (issue 20): message templates, placeholders, the legal mention, link
// problems and reminder due dates. Pure: callers pass `now`.
import { TZDate } from "@date-fns/tz";
import { differenceInCalendarDaysUtc } from "@/lib/calendar-day";
import { parisDate, parisEndOfDay } from "@/lib/paris-day";

export const MESSAGE_KINDS = ["INVITATION", "REMINDER", "PROMOTION"] as const;
export type MessageKindName = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_KIND_LABELS: Record<MessageKindName, string> = { INVITATION: "Invitation", REMINDER: "Relance", PROMOTION: "Place libérée (liste d'attente)" };
export const CHANNEL_LABELS = { EMAIL: "Courriel", SMS: "SMS", LETTER: "Courrier" } as const;
export const MESSAGE_STATE_LABELS = { QUEUED: "En file d'attente", SENT: "Envoyé", DELIVERED: "Distribué", FAILED: "Échec", BOUNCED: "Rejeté (adresse invalide)" } as const;
export const ANSWER_LABELS = { PENDING: "Sans réponse", CONFIRMED: "Confirmé", DECLINED: "Décliné" } as const;

/** The placeholders a template may use; {lien} is required in an invitation and a reminder. */
export const PLACEHOLDERS = ["prenom", "evenement", "date", "heure", "lieu", "lien", "plateforme"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Record<Placeholder, string>;

/** Always added under every message (not editable): the person is informed of the processing (RGPD art. 13-14). */
export const LEGAL_MENTION =
  "Vos coordonnées sont traitées par la plateforme Proch'Emploi, pour le compte de la Région Hauts-de-France, uniquement pour organiser cette rencontre et vous la rappeler. " +
  "Vous pouvez demander l'accès, la rectification ou l'effacement de vos données, et refuser de recevoir d'autres messages depuis le lien de réponse ou en écrivant à la plateforme.";

export const DEFAULT_TEMPLATES: Record<MessageKindName, { subject: string; body: string }> = {
  INVITATION: {
    subject: "Invitation : {evenement} le {date}",
    body: "Bonjour {prenom},\n\nLa plateforme {plateforme} vous invite à la rencontre « {evenement} » le {date} à {heure}, {lieu}.\n\nMerci de confirmer ou de décliner votre venue en un clic : {lien}",
  },
  REMINDER: {
    subject: "Rappel : {evenement} le {date}",
    body: "Bonjour {prenom},\n\nNous vous rappelons la rencontre « {evenement} » le {date} à {heure}, {lieu}.\n\nSi vous ne pouvez plus venir, dites-le-nous : {lien}",
  },
  PROMOTION: {
    subject: "Une place s'est libérée : {evenement} le {date}",
    body: "Bonjour {prenom},\n\nUne place s'est libérée : votre inscription à la rencontre « {evenement} » le {date} à {heure}, {lieu} est confirmée.",
  },
};

export function renderTemplate(template: string, values: PlaceholderValues): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole));
}

/** What is wrong with a template, in French, or null. */
export function checkTemplate(kind: MessageKindName, t: { subject: string; body: string }): string | null {
  const unknown = [...`${t.subject} ${t.body}`.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!).filter((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown.length) return `Champ inconnu : {${unknown[0]}}. Champs possibles : ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.`;
  if (kind !== "PROMOTION" && !t.body.includes("{lien}")) return "Le message doit contenir {lien} : c'est le lien personnel de réponse.";
  return null;
}

const PARIS = "Europe/Paris";

export function eventPlaceholders(e: { title: string; date: Date; place: string; platform: string }, firstName: string, link: string): PlaceholderValues {
  const d = new TZDate(e.date, PARIS);
  return {
    prenom: firstName || "Madame, Monsieur",
    evenement: e.title,
    date: d.toLocaleDateString("fr-FR", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: PARIS }),
    heure: d.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: PARIS }),
    lieu: e.place,
    lien: link,
    plateforme: e.platform,
  };
}

/** A link is valid until the end of the event's day (Paris time): 23:59:59. */
export function linkExpiry(eventDate: Date): Date {
  return new Date(Math.floor(parisEndOfDay(eventDate).getTime() / 1000) * 1000);
}

export type LinkProblem = "UNKNOWN" | "OTHER_EVENT" | "EXPIRED" | "USED" | "CANCELLED" | "RATE_LIMITED";

export const LINK_PROBLEM_MESSAGES: Record<LinkProblem, string> = {
  UNKNOWN: "Ce lien n'est pas valide. Vérifiez qu'il a été copié en entier, ou contactez la plateforme qui vous a invité·e.",
  OTHER_EVENT: "Ce lien concerne une autre rencontre : utilisez le lien reçu pour celle-ci.",
  EXPIRED: "Ce lien a expiré : la rencontre est passée.",
  USED: "Vous avez déjà répondu avec ce lien. Pour changer votre réponse, contactez la plateforme.",
  CANCELLED: "Cette rencontre a été annulée : aucune réponse n'est plus nécessaire.",
  RATE_LIMITED: "Trop de tentatives depuis votre connexion. Réessayez dans une heure.",
};

/** Days before the event (Paris calendar days) on which `now` falls, if it is one of the reminder delays. */
export function reminderDue(eventDate: Date, now: Date, delays: readonly number[]): number | null {
  const days = differenceInCalendarDaysUtc(parisDate(eventDate), parisDate(now));
  return delays.includes(days) ? days : null;
}

/** E-mail and phone keys for opt-outs (hashed before storage): trimmed, lower-case, digits of a French number. */
export function normaliseAddress(channel: "EMAIL" | "SMS", raw: string): string {
  if (channel === "EMAIL") return raw.trim().toLowerCase();
  return toE164(raw) ?? raw.replace(/\D/g, "");
}

/** A French phone number as +33…, or null when it is not one (SMS are only sent to mobiles 06/07). */
export function toE164(raw: string): string | null {
  const digits = raw.replace(/[^\d+]/g, "");
  const national = digits.startsWith("+33") ? `0${digits.slice(3)}` : digits.startsWith("0033") ? `0${digits.slice(4)}` : digits;
  return /^0[1-9]\d{8}$/.test(national) ? `+33${national.slice(1)}` : null;
}

export function isMobile(e164: string): boolean {
  return /^\+33[67]\d{8}$/.test(e164);
}
