import "server-only";
// The outbox as admins read it: where an invitation waits when no SMTP server is configured, and
// where delivery failures show up.
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { outboxState, type OutboxState } from "@/lib/email/outbox.rules";
import { smtpConfigured } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

export const outboxQuerySchema = pageQuerySchema.extend({ pageSize: z.coerce.number().int().min(1).max(100).default(20) });
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export interface OutboxItem {
  id: string;
  to: string;
  subject: string;
  purpose: string;
  text: string;
  state: OutboxState;
  attempts: number;
  error: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string;
}

export async function listOutbox(db: Db, user: CurrentUser, q: OutboxQuery) {
  if (!can(user, "outbox.read")) throw new ForbiddenError();
  const smtp = smtpConfigured();
  const [total, rows] = await Promise.all([
    db.outboxEmail.count(),
    db.outboxEmail.findMany({ orderBy: [{ createdAt: "desc" }, { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  const items: OutboxItem[] = rows.map((r) => ({
    id: r.id,
    to: r.to,
    subject: r.subject,
    purpose: r.purpose,
    text: r.text,
    state: outboxState(r, smtp, env.SMTP_MAX_ATTEMPTS),
    attempts: r.attempts,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    nextAttemptAt: r.nextAttemptAt.toISOString(),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize, smtp };
}
