// Events of the e-mail relay (public: the relay calls it; the secret in the URL, compared in
// constant time, is the credential): bounces that arrive after the SMTP accepted the message.
// Format and matching: lib/email/bounce.service.ts. Unknown messages are acknowledged and ignored.
// Steps (size, secret, JSON, zod, log, 503): lib/api/provider-webhook.ts, shared with /api/sms/callback.
import { BODY_LIMITS } from "@/lib/api/body-limit";
import { providerWebhook } from "@/lib/api/provider-webhook";
import { applyEmailEvents, emailCallbackSchema } from "@/lib/email/bounce.service";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export const POST = providerWebhook({
  name: "email callback",
  secret: () => env.EMAIL_WEBHOOK_SECRET,
  notConfigured: "Aucun relais de courriel n'est configuré pour les rebonds.",
  maxBodyBytes: BODY_LIMITS.emailCallback,
  schema: emailCallbackSchema,
  handle: applyEmailEvents,
});
