import type { Metadata } from "next";
import { TokenManager } from "@/components/profile/token-manager";
import { CalendarFeedCard } from "@/components/profile/calendar-feed";
import { calendarFeedCreatedAt } from "@/lib/calendar/feed.service";
import { Section } from "@/components/ui/card";
import { DescriptionList } from "@/components/ui/description-list";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { ROLE_LABELS, userLinksFor } from "@/lib/nav";
import { listTokens } from "@/lib/tokens/token.service";

export const metadata: Metadata = { title: "Mon profil" };

export default async function ProfilePage() {
  const user = await requirePageUser("profile.view");
  // Issue 22 §6: the tokens section only for the roles that integrate (lib/authz/policy.ts).
  const tokens = can(user, "token.manage") ? await listTokens(db, user) : null;
  const calendarSince = await calendarFeedCreatedAt(db, user);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Mon profil" />
      <Section title="Mon compte" className="max-w-3xl">
        <DescriptionList
          items={[
            { term: "Nom", value: `${user.firstName} ${user.lastName}` },
            { term: "Adresse e-mail", value: user.email },
            { term: "Rôle", value: ROLE_LABELS[user.role] },
            { term: "Plateformes", value: user.allPlatforms ? "Toutes les plateformes" : user.platforms.map((p) => p.name).join(", ") || "Aucune" },
            {
              term: "Double authentification",
              value: user.totpEnabled ? "Activée" : <>Non activée — <TextLink href="/double-authentification">activer la double authentification</TextLink></>,
            },
          ]}
        />
      </Section>
      {/* Out of the main navigation (issue 14): the person's own exports and the API documentation (help). */}
      <Section title="Mes outils et l'aide" className="max-w-3xl">
        <ul className="flex flex-col gap-2">
          {userLinksFor(user).map((l) => (
            <li key={l.href}>
              <TextLink href={l.href}>{l.label}</TextLink>
            </li>
          ))}
        </ul>
      </Section>
      <CalendarFeedCard createdAt={calendarSince?.toISOString() ?? null} />
      {tokens ? <TokenManager tokens={tokens} /> : null}
    </div>
  );
}
