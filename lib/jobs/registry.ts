import "server-only";
// Every scheduled job in one place: name, schedule (cron, Europe/Paris), handler. Handlers are
// idempotent and return counts for the run record.
import type { Db } from "@/lib/db";
import { deliverOutbox } from "@/lib/email/outbox.service";
import { sendDueReminders } from "@/lib/events/invitation.service";
import { deliverSms } from "@/lib/sms/sms.service";
import { generateDueNotifications } from "@/lib/notifications/notification.jobs";
import { generateDailyReminders } from "@/lib/notifications/notification-reminders.jobs";
import { sendDigests } from "@/lib/notifications/notification.service";
import { env } from "@/lib/env";
import { expireInactiveOffers } from "@/lib/offers/offer.service";
import { runTableExports } from "@/lib/exports/table-export.service";
import { runRetention } from "@/lib/retention/retention.service";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { refreshAllProspectScores } from "@/lib/prospecting/prospect.service";

export interface JobContext {
  db: Db;
  now: Date;
}

export interface JobDefinition {
  name: string;
  cron: string;
  description: string;
  handler: (ctx: JobContext) => Promise<Record<string, number>>;
}

export const JOBS: JobDefinition[] = [
  {
    name: "outbox-deliver",
    cron: "* * * * *",
    description: "Envoie les courriels en attente (nouvel essai après un échec SMTP)",
    handler: ({ db, now }) => deliverOutbox(db, undefined, { now }),
  },
  {
    name: "sms-deliver",
    cron: "* * * * *",
    description: "Envoie les SMS d'invitation en attente (circuit court), si un fournisseur SMS est configuré",
    handler: ({ db }) => deliverSms(db),
  },
  {
    name: "circuit-court-reminders",
    cron: "0 9 * * *",
    description: "Relance les invités d'un événement circuit court aux délais du jeu de règles (J-3, J-1…), sauf ceux qui ont décliné",
    handler: ({ db, now }) => sendDueReminders(db, now),
  },
  {
    name: "notifications-due",
    cron: "*/15 * * * *",
    description: "Notifie ce qui arrive à échéance (rappels numéro vert, suites de visite)",
    handler: ({ db, now }) => generateDueNotifications(db, now),
  },
  {
    name: "notifications-reminders",
    cron: "30 6 * * *",
    description: "Notifie les offres bientôt expirées, les événements proches, les échéances de subvention et les mois à clôturer",
    handler: ({ db, now }) => generateDailyReminders(db, now),
  },
  {
    name: "notifications-digest",
    cron: "0 7 * * *",
    description: "Envoie le récapitulatif quotidien des notifications",
    handler: ({ db }) => sendDigests(db),
  },
  {
    name: "retention",
    cron: env.RETENTION_CRON,
    description: "Conservation RGPD : archive à 18 mois, détruit à 24 mois (demandeurs) et 48 mois (contacts), selon le jeu de règles",
    handler: async ({ db }) => (await runRetention(db, { dryRun: false, triggeredBy: "planification" })).counts,
  },
  {
    name: "offers-expire-inactive",
    cron: "30 2 * * *",
    description: "Expire les offres ouvertes restées sans activité au-delà du délai du jeu de règles (signalées avant dans les listes)",
    handler: ({ db, now }) => expireInactiveOffers(db, now),
  },
  {
    name: "prospect-scores",
    cron: "15 5 * * *",
    description: "Recalcule les listes « Prospection » de chaque plateforme (répertoire SIRENE, demandeurs actifs, jeu de règles du jour)",
    handler: ({ db, now }) => refreshAllProspectScores(db, now),
  },
  {
    name: "table-exports",
    cron: "* * * * *",
    description: "Génère en arrière-plan les exports de listes volumineux (avec progression) et supprime ceux qui ont expiré",
    handler: ({ db, now }) => runTableExports(db, now),
  },
  {
    name: "login-throttle-cleanup",
    cron: "17 * * * *",
    description: "Supprime les compteurs d'échecs de connexion expirés",
    handler: async ({ db, now }) => {
      const dayAgo = new Date(now.getTime() - 24 * 3600_000);
      const { count } = await db.loginThrottle.deleteMany({ where: { updatedAt: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] } });
      return { deleted: count };
    },
  },
  {
    name: "audit-verify",
    cron: "45 3 * * *",
    description: "Vérifie la chaîne d'empreintes du journal d'audit (résultat affiché sur l'accueil du DPO)",
    handler: async ({ db, now }) => {
      const r = await verifyAuditChain(db, { now });
      return {
        checked: r.checked, broken: r.firstBroken ? 1 : 0, firstBrokenId: r.firstBroken ? Number(r.firstBroken.id) : 0,
        // 1 when the first break is an event left unsealed too long (no sealer running), not an alteration.
        lateSeal: r.firstBroken?.reason === "unsealed" ? 1 : 0, unsealed: r.unsealed.count,
      };
    },
  },
];
