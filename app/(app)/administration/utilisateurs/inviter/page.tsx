import type { Metadata } from "next";
import { roleOptions } from "@/components/users/access-fields";
import { InviteForm } from "@/components/users/invite-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { grantOptions } from "@/lib/users/user-options";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Inviter un utilisateur" };

export default async function InvitePage() {
  const user = await requirePageUser("user.invite");
  const options = await grantOptions(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p><TextLink href="/administration/utilisateurs">← Utilisateurs</TextLink></p>
      <PageTitle>Inviter un utilisateur</PageTitle>
      <p className="max-w-2xl text-muted">
        La personne reçoit un courriel avec un lien personnel pour choisir son mot de passe. À sa première connexion, elle accepte
        l&apos;engagement de confidentialité.
      </p>
      <InviteForm
        roles={roleOptions(options.roles)}
        platforms={options.platforms}
        canAllPlatforms={options.canAllPlatforms}
        canSeeOutbox={can(user, "outbox.read")}
        linkHours={env.INVITATION_LINK_HOURS}
      />
    </div>
  );
}
