// Retry schedule of the email outbox. Pure.

/** Minutes before the next attempt after `attempts` failures: 1, 2, 4 … capped at 6 hours. */
export function retryDelayMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

export type OutboxState = "SENT" | "WAITING_NO_SMTP" | "PENDING" | "RETRYING" | "FAILED";

export function outboxState(e: { sentAt: Date | null; attempts: number; error: string | null }, smtpConfigured: boolean, maxAttempts: number): OutboxState {
  if (e.sentAt) return "SENT";
  if (e.attempts >= maxAttempts) return "FAILED";
  if (!smtpConfigured) return "WAITING_NO_SMTP";
  return e.error ? "RETRYING" : "PENDING";
}

export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = {
  SENT: "Envoyé",
  WAITING_NO_SMTP: "Conservé ici (pas de serveur SMTP configuré)",
  PENDING: "En attente d'envoi",
  RETRYING: "Échec, nouvel essai prévu",
  FAILED: "Abandonné après plusieurs échecs",
};
