import { LinkButton } from "@/components/ui/button";

/** Unread count next to a bell; the count is in the accessible name, not only in a colour. */
export function NotificationBell({ unread }: { unread: number }) {
  const label = unread === 0 ? "Notifications, aucune non lue" : `Notifications, ${unread} non lue${unread > 1 ? "s" : ""}`;
  return (
    <LinkButton href="/notifications" variant="outline" size="sm" aria-label={label} data-testid="notification-bell" className="relative gap-1 px-2">
      <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
        <path d="M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 ? <span aria-hidden="true" className="rounded-full bg-danger px-1.5 text-xs font-bold text-white">{unread > 99 ? "99+" : unread}</span> : null}
    </LinkButton>
  );
}
