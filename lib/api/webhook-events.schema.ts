// The body of a provider's webhook (SMS delivery reports, e-mail relay events), as zod schemas: the
// services that apply the events (lib/sms/sms.service.ts, lib/email/bounce.service.ts) and the
// handler that receives them (lib/api/provider-webhook.ts) share these. Pure: zod only.
import { z } from "zod";

/** At most this many events of one batch are applied; the rest is ignored (a provider batches far fewer). */
export const MAX_WEBHOOK_EVENTS = 100;

export const INVALID_EVENTS_MESSAGE = "Corps invalide : un événement (objet JSON) ou une liste d'événements est attendu.";

/**
 * A provider's body: one event (an object) or a batch (an array). The first MAX_WEBHOOK_EVENTS
 * entries are kept; an entry the `event` schema refuses (not an object…) is skipped, not an error —
 * refusing the whole batch would make the provider retry it forever. A body that is neither an
 * object nor an array is refused.
 */
export function webhookEvents<T extends z.ZodType>(event: T) {
  return z
    .union([z.array(z.unknown()), z.record(z.string(), z.unknown())], { error: INVALID_EVENTS_MESSAGE })
    .transform((body) =>
      (Array.isArray(body) ? body : [body]).slice(0, MAX_WEBHOOK_EVENTS).flatMap((e) => {
        const parsed = event.safeParse(e);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );
}

/** A field the provider may send as anything: kept when it has the expected type, else undefined. */
export function lenient<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}
