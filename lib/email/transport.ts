import "server-only";
// SMTP delivery through nodemailer. Without SMTP_HOST there is no transport: emails stay in the
// database outbox, which admins read (a bare machine can still invite users).
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

/** The header the relay echoes in its events, and the prefix that marks our outbox ids in it. */
export const BOUNCE_REFERENCE_HEADER = "X-Mailin-custom";
export const BOUNCE_REFERENCE_PREFIX = "outbox:";

export interface EmailAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (an .ics calendar file). */
  content: string;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
  /**
   * Our outbox id. Sent as the `X-Mailin-custom` header, which Brevo's SMTP relay echoes in its
   * webhook events (docs/circuit-court.md, « Rebonds »): a late bounce finds its message by it.
   */
  reference?: string;
}

export interface MailTransport {
  send(message: EmailMessage): Promise<void>;
}

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  user?: string;
  password?: string;
  from: string;
}

export function createSmtpTransport(s: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.secure,
    requireTLS: !s.secure && s.requireTLS,
    auth: s.user ? { user: s.user, pass: s.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(m) {
      await transporter.sendMail({ from: s.from, to: m.to, subject: m.subject, text: m.text, html: m.html, attachments: m.attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })), headers: m.reference ? { [BOUNCE_REFERENCE_HEADER]: `${BOUNCE_REFERENCE_PREFIX}${m.reference}` } : undefined });
    },
  };
}

let cached: MailTransport | null | undefined;

/** The transport configured by the environment, or null when no SMTP server is configured. */
export function transportFromEnv(): MailTransport | null {
  if (cached !== undefined) return cached;
  cached = env.SMTP_HOST
    ? createSmtpTransport({
        host: env.SMTP_HOST,
        port: env.SMTP_PORT,
        secure: env.SMTP_SECURE,
        requireTLS: env.SMTP_REQUIRE_TLS,
        user: env.SMTP_USER,
        password: env.SMTP_PASSWORD,
        from: env.SMTP_FROM,
      })
    : null;
  return cached;
}

export function smtpConfigured(): boolean {
  return Boolean(env.SMTP_HOST);
}
