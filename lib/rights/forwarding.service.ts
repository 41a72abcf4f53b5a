import "server-only";
// Queues the forward e-mails of a rights request or a breach in the transaction that records it
// (lib/email/outbox: the recording succeeds even when SMTP is down; delivery is retried).
import type { CurrentUser } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox.service";
import type { EmailMessage } from "@/lib/email/transport";
import { ValidationError } from "@/lib/errors";

export async function enqueueForwards(tx: DbOrTx, emails: EmailMessage[], now: Date): Promise<void> {
  for (const e of emails) await enqueueEmail(tx, { ...e, purpose: "rgpd-forward" }, now);
}

/** The platform a processor records for: its only one, or the one it names among its own. */
export function platformOfRecorder(user: CurrentUser, requested: string | undefined): string {
  if (requested) {
    if (!user.platformIds.includes(requested)) throw new ValidationError({ platformId: ["Plateforme hors de votre périmètre."] });
    return requested;
  }
  if (user.platformIds.length === 1) return user.platformIds[0]!;
  throw new ValidationError({ platformId: ["Indiquez la plateforme qui a reçu la demande ou détecté la violation."] });
}
