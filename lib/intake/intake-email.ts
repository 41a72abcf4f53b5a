// Acknowledgement of a public intake request (issue 23). It reveals nothing of what was stored —
// no name, no commune, no platform, no need — so an e-mail typed by someone else tells its owner
// only that a request was left with this address.
import { layout } from "@/lib/email/templates";
import type { EmailMessage } from "@/lib/email/transport";

export function intakeAcknowledgementEmail(to: string, p: { numeroVert: string }): EmailMessage {
  const body = layout(
    [
      "Bonjour,",
      "Nous avons bien reçu votre demande de rappel déposée sur le site Proch'Emploi de la Région Hauts-de-France.",
      "Un membre de l'équipe Proch'Emploi vous rappellera dans les prochains jours ouvrés.",
      `Pour toute question, ou si vous n'êtes pas à l'origine de cette demande, appelez le numéro vert ${p.numeroVert} (appel gratuit).`,
    ],
    null,
    "Ce message est envoyé automatiquement : merci de ne pas y répondre.",
  );
  return { to, subject: "Proch'Emploi : votre demande de rappel est bien reçue", ...body };
}
