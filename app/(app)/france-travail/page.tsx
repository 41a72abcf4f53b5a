import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { listFtProjects } from "@/lib/france-travail/ft-report.service";
import { monthLabel } from "@/lib/indicators/period.rules";
import { TableScroll } from "@/components/ui/table";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Projets France Travail" };

export default async function FranceTravailPage() {
  const user = await requirePageUser("ftReport.read");
  const projects = await listFtProjects(db, user);
  const personal = can(user, "ftReport.personalData");
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Projets mobilité financés par France Travail</PageTitle>
      <p className="text-muted">
        Les projets qui vous sont assignés et, pour chaque mois, le fichier d&apos;indicateurs anonymes (effectifs trop petits masqués)
        {personal ? " et le retour mensuel des données personnelles de leurs bénéficiaires (chaque téléchargement est tracé)" : ""}.
      </p>
      {projects.length === 0 ? (
        <p role="status" className="rounded border border-dashed p-4">Aucun projet France Travail ne vous est assigné pour le moment.</p>
      ) : (
        projects.map((p) => (
          <section key={p.id} aria-labelledby={`projet-${p.id}`} className="rounded border p-4" data-testid="ft-project">
            <h2 id={`projet-${p.id}`} className="text-lg font-semibold">Projet mobilité {p.platformName} {p.year}</h2>
            <p className="text-sm text-muted">{p.signedAt ? `Convention signée le ${new Date(p.signedAt).toLocaleDateString("fr-FR", { timeZone: "UTC" })}${p.endsAt ? `, jusqu'au ${new Date(p.endsAt).toLocaleDateString("fr-FR", { timeZone: "UTC" })}` : ""}` : "Convention non signée"}</p>
            {p.months.length === 0 ? (
              <p className="mt-2">Aucun mois écoulé pour ce projet.</p>
            ) : (
              <TableScroll label={`Fichiers mensuels du projet ${p.platformName} ${p.year}`}>
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">Fichiers mensuels du projet {p.platformName} {p.year}</caption>
                <thead>
                  <tr><th scope="col" className="py-1">Mois</th><th scope="col">Indicateurs anonymes</th>{personal ? <th scope="col">Données personnelles</th> : null}</tr>
                </thead>
                <tbody>
                  {p.months.map((m) => (
                    <tr key={m} className="border-t">
                      <th scope="row" className="py-1 font-normal">{monthLabel(m)}</th>
                      <td><a className="text-brand-700 underline" href={`/api/v1/france-travail/${p.id}/monthly?month=${m}&file=indicators`}>Indicateurs {monthLabel(m)} (XLSX)</a></td>
                      {personal ? (
                        <td><a className="text-brand-700 underline" href={`/api/v1/france-travail/${p.id}/monthly?month=${m}&file=beneficiaries`}>Bénéficiaires {monthLabel(m)} (XLSX)</a></td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableScroll>
            )}
          </section>
        ))
      )}
    </div>
  );
}
