import type { Metadata } from "next";
import Link from "next/link";
import { roleOptions } from "@/components/users/access-fields";
import { InviteForm } from "@/components/users/invite-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { grantOptions } from "@/lib/users/user-options";

export const metadata: Metadata = { title: "Inviter un utilisateur" };

export default async function InvitePage() {
  const user = await requirePageUser("user.invite");
  const options = await grantOptions(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/administration/utilisateurs" className="text-brand-700 underline">← Utilisateurs</Link></p>
      <h1 className="text-2xl font-bold">Inviter un utilisateur</h1>
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
