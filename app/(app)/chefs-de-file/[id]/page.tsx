import type { Metadata } from "next";
import { DeleteButton } from "@/components/ui/delete-button";
import { loadOrNull } from "@/lib/api/params";
import { orNotFound, requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { getChefDeFile } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { TextLink } from "@/components/ui/text-link";
import { LinkButton } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-header";
import { cardBox } from "@/components/ui/card";

export const metadata: Metadata = { title: "Chef de file" };

export default async function ChefDeFilePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("chefDeFile.read");
  const { id } = await params;
  const chef = orNotFound(await loadOrNull(id, (i) => getChefDeFile(db, user, i)));
  const name = [chef.firstName, chef.lastName].filter(Boolean).join(" ");
  const writable = can(user, "chefDeFile.write");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <TextLink href="/chefs-de-file">Chefs de file métiers</TextLink>
        </p>
        <PageTitle>{name}</PageTitle>
        <p className="text-muted">
          {chef.jobTitle ?? "Chef de file"} · filière {chef.sector} · {chef.active ? "actif" : "inactif"}
        </p>
      </div>
      <p className="flex flex-wrap gap-2">
        {writable ? (
          <LinkButton variant="secondary" href={`/chefs-de-file/${chef.id}/modifier`}>
            Modifier
          </LinkButton>
        ) : null}
        {/* Issue 22 §2: the notice given to the chef de file (printable, sendable by e-mail). */}
        <LinkButton variant="secondary" href={`/chefs-de-file/${chef.id}/information`}>Notice d&apos;information</LinkButton>
      </p>
      <dl className={cardBox("md", "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]")}>
        <dt className="font-medium">Entreprise</dt>
        <dd>
          {chef.company ? (
            <TextLink href={`/entreprises/${chef.company.id}`}>
              {chef.company.name}
              {chef.company.city ? ` (${chef.company.city})` : null}
            </TextLink>
          ) : (
            "—"
          )}
        </dd>
        <dt className="font-medium">E-mail professionnel</dt>
        <dd>{chef.proEmail ? <a href={`mailto:${chef.proEmail}`} className="underline">{chef.proEmail}</a> : "—"}</dd>
        <dt className="font-medium">Téléphone professionnel</dt>
        <dd>{chef.proPhone ?? "—"}</dd>
        <dt className="font-medium">Chef de file depuis</dt>
        <dd>{formatDate(chef.since)}</dd>
        <dt className="font-medium">Engagements</dt>
        <dd className="whitespace-pre-line">{chef.commitments ?? "—"}</dd>
        <dt className="font-medium">Plateforme</dt>
        <dd>{chef.platform}</dd>
      </dl>
      <section aria-labelledby="events-title" className="flex flex-col gap-2">
        <h2 id="events-title" className="text-lg font-semibold">Événements auxquels il a participé</h2>
        {chef.events.length === 0 ? (
          <p className="text-muted">Aucune participation enregistrée.</p>
        ) : (
          <ul className="flex flex-col gap-1">
            {chef.events.map((e) => (
              <li key={e.id}>
                {formatDate(e.date)} — {e.title}
                {e.status === "PLANNED" ? " (à venir)" : e.status === "CANCELLED" ? " (annulé)" : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      {writable ? (
        <section aria-labelledby="danger-title" className="flex flex-col gap-2 border-t border-gray-300 pt-4">
          <h2 id="danger-title" className="text-lg font-semibold">Supprimer</h2>
          <p className="text-sm text-muted">Supprime la fiche et ses participations aux événements. Pour un chef de file qui ne l&apos;est plus, préférez « Inactif ».</p>
          <DeleteButton
            url={`/api/v1/chefs-de-file/${chef.id}?version=${chef.version}`}
            confirmText={`Supprimer définitivement la fiche de ${name} ? Cette action est irréversible.`}
            label="Supprimer ce chef de file"
            redirectTo="/chefs-de-file"
          />
        </section>
      ) : null}
    </div>
  );
}
