import type { Metadata } from "next";
import { roleOptions } from "@/components/users/access-fields";
import { AccessForm, ActivationForm, ResendInvitationForm, ResetTwoFactorForm } from "@/components/users/user-admin-forms";
import { requirePageUser } from "@/lib/auth/session";
import { totpRequired } from "@/lib/auth/two-factor.rules";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { ROLE_LABELS } from "@/lib/nav";
import { grantOptions } from "@/lib/users/user-options";
import { manageProblem } from "@/lib/users/user.rules";
import { getUser } from "@/lib/users/user.service";
import { notFound } from "next/navigation";
import { TextLink } from "@/components/ui/text-link";
import { Card, cardBox } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Compte utilisateur" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageUser("user.read");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const u = await getUser(db, actor, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const manageable = can(actor, "user.invite") && manageProblem(actor, { id: u.id, role: u.role, platformIds: u.platforms.map((p) => p.id) }) === null;
  const options = manageable ? await grantOptions(db, actor) : null;
  const status = !u.active ? "Désactivé" : u.invitationPending ? "Invitation en attente" : "Actif";
  return (
    <div className="flex flex-col gap-6">
      <p><TextLink href="/administration/utilisateurs">← Utilisateurs</TextLink></p>
      <PageTitle>{u.firstName} {u.lastName}</PageTitle>
      <dl className={cardBox("md", "grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2")}>
        <dt className="font-medium">Adresse e-mail</dt>
        <dd>{u.email}</dd>
        <dt className="font-medium">État</dt>
        <dd data-testid="user-status">{status}</dd>
        <dt className="font-medium">Rôle</dt>
        <dd>{ROLE_LABELS[u.role]}</dd>
        <dt className="font-medium">Plateformes</dt>
        <dd>{u.allPlatforms ? "Toutes les plateformes" : u.platforms.map((p) => p.name).join(", ") || "Aucune"}</dd>
        <dt className="font-medium">Dernière connexion</dt>
        <dd>{formatDateTime(u.lastLoginAt)}</dd>
        <dt className="font-medium">Double authentification</dt>
        <dd data-testid="user-totp">{u.totpEnabled ? "Activée" : totpRequired(u.role) ? "Non activée (obligatoire pour ce rôle)" : "Non activée"}</dd>
        <dt className="font-medium">Engagement de confidentialité</dt>
        <dd>{u.charterAcceptedAt ? `Accepté le ${formatDateTime(u.charterAcceptedAt)}` : "Pas encore accepté"}</dd>
        <dt className="font-medium">Compte créé le</dt>
        <dd>{formatDateTime(u.createdAt)}</dd>
      </dl>
      {can(actor, "user.write") && u.totpEnabled ? (
        <Card as="section" aria-labelledby="totp-title" className="flex max-w-2xl flex-col gap-3">
          <h2 id="totp-title" className="text-lg font-semibold">Double authentification</h2>
          <p className="text-sm text-muted">En cas de téléphone perdu ou de codes de secours épuisés. Action tracée dans le journal d&apos;audit.</p>
          <ResetTwoFactorForm user={u} />
        </Card>
      ) : null}
      {manageable && options ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card as="section" aria-labelledby="access-title" className="flex flex-col gap-4">
            <h2 id="access-title" className="text-lg font-semibold">Rôle et plateformes</h2>
            <AccessForm user={u} roles={roleOptions(options.roles)} platforms={options.platforms} canAllPlatforms={options.canAllPlatforms} />
          </Card>
          <Card as="section" aria-labelledby="state-title" className="flex flex-col gap-4">
            <h2 id="state-title" className="text-lg font-semibold">Accès au service</h2>
            <p className="text-sm text-muted">La désactivation prend effet immédiatement : les sessions ouvertes et les jetons d&apos;API sont refusés dès la requête suivante.</p>
            <ActivationForm user={u} />
            {u.invitationPending && u.active ? <ResendInvitationForm userId={u.id} /> : null}
          </Card>
        </div>
      ) : (
        <p className="text-sm text-muted">Vous pouvez consulter ce compte mais pas le modifier.</p>
      )}
    </div>
  );
}
