import Link from "next/link";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/layout/nav-links";
import { SessionKeepAlive } from "@/components/layout/session-keep-alive";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { NotificationBell } from "@/components/notifications/bell";
import { SearchBox } from "@/components/search/search-box";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { navFor, ROLE_LABELS } from "@/lib/nav";

export function AppShell({ user, unread = 0, children }: { user: CurrentUser; unread?: number; children: ReactNode }) {
  const items = navFor(user).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#contenu" className="skip-link">
        Aller au contenu
      </a>
      <header className="border-b border-gray-300 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
          <Link href="/" className="font-bold text-brand-800">
            SI Proch&apos;Emploi
            <span className="block text-xs font-normal text-muted">Région Hauts-de-France</span>
          </Link>
          {can(user, "search.run") ? <SearchBox /> : null}
          <div className="flex items-center gap-4 text-sm">
            <div className="text-right">
              <p className="font-medium" data-testid="current-user">
                {user.firstName} {user.lastName}
              </p>
              <p className="text-muted" data-testid="current-role">
                {ROLE_LABELS[user.role]}
                {user.platforms.length > 0 && !user.allPlatforms ? ` · ${user.platforms.map((p) => p.name).join(", ")}` : ""}
                {user.allPlatforms ? " · toutes les plateformes" : ""}
              </p>
            </div>
            <NotificationBell unread={unread} />
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Navigation principale" className="mx-auto max-w-7xl px-4">
          <NavLinks items={items} />
        </nav>
      </header>
      <main id="contenu" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
      <SessionKeepAlive />
    </div>
  );
}
