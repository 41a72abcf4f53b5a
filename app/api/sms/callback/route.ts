// Delivery reports of the SMS provider (public: the provider calls it; the secret in the URL,
// compared in constant time, is the credential). Unknown messages are acknowledged and ignored.
// Steps (size, secret, JSON, zod, log, 503): lib/api/provider-webhook.ts, shared with /api/email/callback.
import { BODY_LIMITS } from "@/lib/api/body-limit";
import { providerWebhook } from "@/lib/api/provider-webhook";
import { env } from "@/lib/env";
import { applySmsReports, smsCallbackSchema } from "@/lib/sms/sms.service";

export const dynamic = "force-dynamic";

export const POST = providerWebhook({
  name: "sms callback",
  secret: () => env.SMS_CALLBACK_SECRET,
  notConfigured: "Aucun fournisseur SMS n'est configuré.",
  maxBodyBytes: BODY_LIMITS.smsCallback,
  schema: smsCallbackSchema,
  handle: applySmsReports,
});
