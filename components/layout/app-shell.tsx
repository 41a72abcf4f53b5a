import type { ReactNode } from "react";
import { SessionKeepAlive } from "@/components/layout/session-keep-alive";
import { SiteHeader } from "@/components/layout/site-header";
import { Toaster } from "@/components/ui/toast";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { navFor, ROLE_LABELS, splitNav, userLinksFor } from "@/lib/nav";

export function AppShell({ user, unread = 0, children }: { user: CurrentUser; unread?: number; children: ReactNode }) {
  const { more } = splitNav(navFor(user));
  const items = navFor(user).map(({ href, label }) => ({ href, label, more: more.some((m) => m.href === href) }));
  const userLinks = userLinksFor(user).map(({ href, label }) => ({ href, label }));
  const scope = user.allPlatforms ? " · toutes les plateformes" : user.platforms.length > 0 ? ` · ${user.platforms.map((p) => p.name).join(", ")}` : "";
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <SiteHeader
        items={items}
        userLinks={userLinks}
        userName={`${user.firstName} ${user.lastName}`}
        roleLabel={`${ROLE_LABELS[user.role]}${scope}`}
        unread={unread}
        canSearch={can(user, "search.run")}
      />
      <main id="contenu" className="mx-auto w-full max-w-7xl min-w-0 flex-1 px-4 py-6">
        {children}
      </main>
      <Toaster />
      <SessionKeepAlive />
    </div>
  );
}
