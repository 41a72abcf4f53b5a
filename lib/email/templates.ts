// French emails, plain text + HTML. They never carry a job seeker's personal data: only a link.
import type { EmailMessage } from "@/lib/email/transport";

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const SIGNATURE = "SI Proch'Emploi — Région Hauts-de-France";

export function layout(paragraphs: string[], action: { label: string; url: string } | null, footer: string): { text: string; html: string } {
  const text = [...paragraphs, ...(action ? [`${action.label} : ${action.url}`] : []), footer, "", SIGNATURE].join("\n\n");
  const html = `<!doctype html><html lang="fr"><body style="font-family:Arial,sans-serif;color:#1a1a1a;line-height:1.5">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${action ? `<p><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#1d4f91;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(action.label)}</a></p><p style="font-size:13px">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br>${escapeHtml(action.url)}</p>` : ""}
<p style="font-size:13px;color:#555">${escapeHtml(footer)}</p>
<p style="font-size:13px;color:#555">${escapeHtml(SIGNATURE)}</p>
</body></html>`;
  return { text, html };
}

export function invitationEmail(to: string, p: { firstName: string; invitedBy: string; url: string; hours: number }): EmailMessage {
  const body = layout(
    [
      `Bonjour ${p.firstName},`,
      `${p.invitedBy} vous a créé un compte sur le SI Proch'Emploi, le système d'information des plateformes Proch'Emploi de la Région Hauts-de-France.`,
      `Pour activer votre compte, choisissez votre mot de passe avec le lien ci-dessous. Ce lien ne sert qu'une fois et expire dans ${p.hours} heures.`,
    ],
    { label: "Choisir mon mot de passe", url: p.url },
    "Si vous n'attendiez pas cette invitation, ignorez ce message : aucun compte ne sera utilisable sans ce lien.",
  );
  return { to, subject: "Votre compte SI Proch'Emploi", ...body };
}

export function passwordResetEmail(to: string, p: { firstName: string; url: string; hours: number }): EmailMessage {
  const body = layout(
    [
      `Bonjour ${p.firstName},`,
      "Une demande de réinitialisation du mot de passe de votre compte SI Proch'Emploi a été faite.",
      `Pour choisir un nouveau mot de passe, utilisez le lien ci-dessous. Il ne sert qu'une fois et expire dans ${p.hours} heure${p.hours > 1 ? "s" : ""}.`,
    ],
    { label: "Choisir un nouveau mot de passe", url: p.url },
    "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe actuel reste valable.",
  );
  return { to, subject: "Réinitialisation de votre mot de passe SI Proch'Emploi", ...body };
}

export function notificationEmail(to: string, p: { firstName: string; items: { title: string; url: string }[]; digest: boolean }): EmailMessage {
  const intro = p.digest ? "Voici le récapitulatif du jour de ce qui demande votre attention :" : "Un élément demande votre attention :";
  const body = layout(
    [`Bonjour ${p.firstName},`, intro, ...p.items.map((i) => `• ${i.title} — ${i.url}`)],
    null,
    "Vous pouvez choisir quelles notifications vous recevez par courriel sur la page « Notifications » de l'application.",
  );
  return { to, subject: p.digest ? "SI Proch'Emploi : votre récapitulatif du jour" : `SI Proch'Emploi : ${p.items[0]?.title ?? "notification"}`, ...body };
}

/**
 * The information notice sent to the person at collection (issue 22 §2; Région annex 1 art. 3.3).
 * Addressed to the person; the text is the notice's, the same for everyone (no other personal data).
 */
export function noticeEmail(to: string, notice: { title: string; body: string; version: number }): EmailMessage {
  const body = layout(["Madame, Monsieur,", ...notice.body.split(/\n\s*\n/)], null, `Notice d'information, version ${notice.version}.`);
  return { to, subject: notice.title, ...body };
}
