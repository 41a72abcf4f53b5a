import type { Metadata } from "next";
import Link from "next/link";
import { MarkReadButton, PreferencesForm } from "@/components/notifications/notification-forms";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { NOTIFICATION_LABELS, type NotificationKind } from "@/lib/notifications/notification.rules";
import { notificationListQuerySchema } from "@/lib/notifications/notification.schema";
import { listNotifications, preferencesFor } from "@/lib/notifications/notification.service";
import { parseSearchParams } from "@/lib/search-params";
import { Card } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("notification.read");
  const q = parseSearchParams(notificationListQuerySchema, await searchParams);
  const [list, prefs] = await Promise.all([listNotifications(db, user, q), preferencesFor(db, user.id)]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const unreadOnly = q.unread === "true";
  const pageHref = (page: number) => `/notifications?page=${page}${unreadOnly ? "&unread=true" : ""}`;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Notifications</PageTitle>
        {list.unread > 0 ? <MarkReadButton id="all" label="Tout marquer comme lu" /> : null}
      </div>
      <Card as="section" aria-labelledby="list-title">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-3">
          <h2 id="list-title" className="text-lg font-semibold">{list.unread} non lue{list.unread > 1 ? "s" : ""}</h2>
          <nav aria-label="Filtrer les notifications" className="flex gap-3 text-sm">
            <Link href="/notifications" aria-current={unreadOnly ? undefined : "page"} className={unreadOnly ? "text-brand-700 underline" : "font-semibold"}>Toutes</Link>
            <Link href="/notifications?unread=true" aria-current={unreadOnly ? "page" : undefined} className={unreadOnly ? "font-semibold" : "text-brand-700 underline"}>Non lues seulement</Link>
          </nav>
        </div>
        {list.items.length === 0 ? (
          <p className="text-sm text-muted">{unreadOnly ? "Aucune notification non lue." : "Rien à signaler pour l'instant."}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-gray-200">
            {list.items.map((n) => (
              <li key={n.id} className="flex items-start justify-between gap-3 py-2">
                <div>
                  <p className={n.readAt ? "" : "font-semibold"}>
                    {n.readAt ? null : <span className="mr-2 rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">Non lue</span>}
                    {n.link ? <TextLink href={n.link}>{n.title}</TextLink> : n.title}
                  </p>
                  <p className="text-xs text-muted">
                    {NOTIFICATION_LABELS[n.kind as NotificationKind] ?? n.kind} · {n.dueAt ? `échéance ${formatDateTime(n.dueAt)}` : formatDateTime(n.createdAt)}
                  </p>
                </div>
                {n.readAt ? null : <MarkReadButton id={n.id} label="Marquer comme lue" />}
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages des notifications" className="mt-3 flex gap-3 text-sm">
            {q.page > 1 ? <TextLink href={pageHref(q.page - 1)}>Page précédente</TextLink> : null}
            <span>Page {q.page} sur {pages}</span>
            {q.page < pages ? <TextLink href={pageHref(q.page + 1)}>Page suivante</TextLink> : null}
          </nav>
        ) : null}
      </Card>
      <Card as="section" aria-labelledby="prefs-title">
        <h2 id="prefs-title" className="mb-2 text-lg font-semibold">Comment être prévenu·e</h2>
        <p className="mb-2 text-sm text-muted">Les courriels ne contiennent qu&apos;un titre et un lien, jamais de données sur les demandeurs d&apos;emploi.</p>
        <PreferencesForm prefs={prefs} />
      </Card>
    </div>
  );
}
