import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listAboutToArchive } from "@/lib/retention/about-to-archive.query";
import { TableScroll } from "@/components/ui/table";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Demandeurs bientôt archivés" };

export default async function AboutToArchivePage() {
  const user = await requirePageUser("jobSeeker.read");
  const rows = await listAboutToArchive(db, user);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Demandeurs d&apos;emploi bientôt archivés</PageTitle>
      <p className="text-muted">
        Sans nouveau contact, ces personnes quitteront la base active à la date indiquée (règle de conservation en vigueur).
        Si vous êtes réellement en contact avec l&apos;une d&apos;elles, enregistrez ce contact : elle restera active.
      </p>
      {rows.length === 0 ? (
        <p>Personne ne sera archivé dans les prochains jours.</p>
      ) : (
        <TableScroll label="Demandeurs d'emploi bientôt archivés, du plus proche au plus lointain">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">Demandeurs d&apos;emploi bientôt archivés, du plus proche au plus lointain</caption>
          <thead>
            <tr className="border-b border-gray-400 text-left">
              <th scope="col" className="py-2 pr-4">Nom</th>
              <th scope="col" className="py-2 pr-4">Plateforme</th>
              <th scope="col" className="py-2 pr-4">Dernier contact</th>
              <th scope="col" className="py-2 pr-4">Archivé le</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-gray-200">
                <th scope="row" className="py-2 pr-4 text-left font-normal">{r.name}</th>
                <td className="py-2 pr-4">{r.platform}</td>
                <td className="py-2 pr-4">{formatDate(r.lastContactAt)}</td>
                <td className="py-2 pr-4">{formatDate(`${r.archiveOn}T12:00:00Z`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
