import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listPlatforms } from "@/lib/platforms/platform.service";
import { TableScroll } from "@/components/ui/table";
import { LinkButton } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Plateformes" };

const fmt = new Intl.NumberFormat("fr-FR");

export default async function PlatformsPage() {
  const user = await requirePageUser("platform.read");
  const platforms = await listPlatforms(db, user);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Plateformes</PageTitle>
        {can(user, "platform.write") ? (
          <LinkButton href="/plateformes/nouvelle">Créer une plateforme</LinkButton>
        ) : null}
      </div>
      {platforms.length === 0 ? (
        <p className="text-muted">Aucune plateforme dans votre périmètre.</p>
      ) : (
        <TableScroll label="Plateformes de votre périmètre">
        <table className="w-full border-collapse rounded-lg bg-white text-left text-sm">
          <caption className="sr-only">Plateformes de votre périmètre</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="p-2">Plateforme</th>
              <th scope="col" className="p-2">Structure porteuse</th>
              <th scope="col" className="p-2 text-right">Communes</th>
              <th scope="col" className="p-2 text-right">Population</th>
              <th scope="col" className="p-2 text-right">ETP</th>
              <th scope="col" className="p-2">Fin de convention</th>
            </tr>
          </thead>
          <tbody>
            {platforms.map((p) => (
              <tr key={p.id} className="border-b border-gray-200">
                <td className="p-2"><TextLink href={`/plateformes/${p.id}`}>{p.name}</TextLink></td>
                <td className="p-2">{p.carryingStructureName}</td>
                <td className="p-2 text-right">{fmt.format(p.perimeterInseeCodes.length)}</td>
                <td className="p-2 text-right">{fmt.format(p.population)}</td>
                <td className="p-2 text-right">{fmt.format(p.staffEtp)}</td>
                <td className="p-2">{formatDate(p.conventionEndDate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
