// SMS through a provider interface. One real driver: Brevo's transactional SMS API (ex-Sendinblue,
// a French gateway): POST {apiUrl}/v3/transactionalSMS/sms with the `api-key` header. Without
// SMS_PROVIDER/SMS_API_KEY there is no provider: SMS are disabled (e-mail and letters still work).
import { env } from "@/lib/env";

export interface SmsMessage {
  /** +33… */
  to: string;
  text: string;
  /** Our message id, sent as the provider's tag so a callback can be traced back. */
  reference: string;
}

export interface SmsProvider {
  name: string;
  send(message: SmsMessage): Promise<{ providerId: string }>;
}

export interface BrevoSettings {
  apiUrl: string;
  apiKey: string;
  sender: string;
  /** Where Brevo posts the delivery reports (our /api/sms/callback with its secret). */
  callbackUrl?: string;
  timeoutMs?: number;
}

export class SmsSendError extends Error {
  constructor(message: string, readonly permanent: boolean) {
    super(message);
  }
}

export function createBrevoProvider(s: BrevoSettings): SmsProvider {
  return {
    name: "brevo",
    async send(m) {
      const res = await fetch(`${s.apiUrl.replace(/\/$/, "")}/v3/transactionalSMS/sms`, {
        method: "POST",
        headers: { "api-key": s.apiKey, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ sender: s.sender, recipient: m.to.replace(/^\+/, ""), content: m.text, type: "transactional", tag: m.reference, webUrl: s.callbackUrl, unicodeEnabled: true }),
        signal: AbortSignal.timeout(s.timeoutMs ?? 10_000),
      });
      const body = (await res.json().catch(() => null)) as { messageId?: number | string; message?: string } | null;
      // 4xx: the request itself is refused (bad number, no credit): retrying will not help.
      if (!res.ok) throw new SmsSendError(`Fournisseur SMS : HTTP ${res.status}${body?.message ? ` — ${body.message}` : ""}`, res.status >= 400 && res.status < 500);
      if (body?.messageId === undefined) throw new SmsSendError("Fournisseur SMS : réponse sans identifiant de message", false);
      return { providerId: String(body.messageId) };
    },
  };
}

/**
 * Brevo's SMS delivery-report statuses → our delivery states.
 *
 * Checked against Brevo's documentation, « Transactional webhooks », section « Transactional SMS »
 * (https://developers.brevo.com/docs/transactional-webhooks): the webhook given as `webUrl` at send
 * time receives a JSON object per event — `id` (the *webhook's* id, not the message's), `to`,
 * `sms_count`, `credits_used`, `messageId` (integer, the one the send call returned),
 * `remaining_credit`, `msg_status` (« sent », « delivered », « soft_bounce », « hard_bounce »),
 * `date`, `type`, `reference`. The event names of the SMS events report (GET
 * /v3/transactionalSMS/statistics/events: « sent », « accepted », « delivered », « replied »,
 * « softBounce », « hardBounce », « subscribe », « unsubscribe », « skip », « rejected ») are
 * accepted too, in case a webhook configured in the console posts them. Anything else (a reply,
 * an unsubscription) is not a delivery state: null, ignored.
 */
export function stateFromBrevo(status: string): "SENT" | "DELIVERED" | "FAILED" | "BOUNCED" | null {
  switch (status.toLowerCase().replace(/[_-]/g, "")) {
    case "sent":
    case "accepted":
      return "SENT";
    case "delivered":
      return "DELIVERED";
    case "hardbounce":
    case "softbounce":
      return "BOUNCED";
    case "rejected":
    case "skip":
      return "FAILED";
    default:
      return null;
  }
}

export const SMS_DISABLED_MESSAGE = "SMS désactivés : aucun fournisseur SMS n'est configuré (SMS_PROVIDER, SMS_API_KEY). Les courriels et les courriers restent possibles.";

export function smsProviderFromEnv(): SmsProvider | null {
  if (env.SMS_PROVIDER !== "brevo" || !env.SMS_API_KEY) return null;
  return createBrevoProvider({
    apiUrl: env.SMS_API_URL,
    apiKey: env.SMS_API_KEY,
    sender: env.SMS_SENDER,
    callbackUrl: env.SMS_CALLBACK_SECRET ? `${(env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "")}/api/sms/callback?secret=${encodeURIComponent(env.SMS_CALLBACK_SECRET)}` : undefined,
  });
}
