import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { NewVisitShortcut } from "@/components/visits/new-visit-shortcut";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { unreadCount } from "@/lib/notifications/notification.service";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser("home.view");
  // The confidentiality commitment comes before any screen of the application.
  if (!user.charterAccepted) redirect("/charte");
  const unread = await unreadCount(db, user.id);
  return (
    <AppShell user={user} unread={unread}>
      {can(user, "visit.write") ? <NewVisitShortcut /> : null}
      {children}
    </AppShell>
  );
}
