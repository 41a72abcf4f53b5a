import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatCents, formatDate } from "@/lib/format";
import { TRANCHE_STATUS_LABELS, type TrancheStatusName } from "@/lib/subsidy/tranche.rules";
import { listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { cardBox } from "@/components/ui/card";

export const metadata: Metadata = { title: "Échéances financières" };

const STATE = { LATE: "En retard", SOON: "À moins de 30 jours", UPCOMING: "À venir", DONE: "Fait" } as const;
const FUNDERS: Record<string, string> = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" };

export default async function DeadlinesPage() {
  const user = await requirePageUser("subsidy.read");
  const rows = await listDeadlines(db, user);
  const late = rows.filter((r) => r.state === "LATE").length;
  const claims = rows.filter((r) => r.trancheStatus === "REQUESTED" || r.trancheStatus === "DUE");
  return (
    <div className="flex flex-col gap-4">
      <p><TextLink href="/financement">← Dossiers de subvention</TextLink></p>
      <PageTitle>Échéances financières</PageTitle>
      <p className="text-muted">
        Comptes rendus financiers, recrutement de l&apos;équipe et tranches de versement des conventions attribuées ou signées.
        {late > 0 ? ` ${late} échéance(s) en retard.` : ""}
      </p>
      {claims.length > 0 ? (
        <section aria-labelledby="claims-title" className="rounded-lg border border-brand-600 bg-white p-4">
          <h2 id="claims-title" className="text-lg font-semibold">Tranches exigibles ou demandées ({claims.length})</h2>
          <ul className="list-disc pl-5 text-sm" data-testid="tranche-claims">
            {claims.map((r) => (
              <li key={`${r.file.id}-${r.label}`}>
                <TextLink href={`/financement/${r.file.id}`}>{r.file.platform} — {FUNDERS[r.file.funder]} {r.file.year}</TextLink>
                {" : "}{r.label} — {TRANCHE_STATUS_LABELS[r.trancheStatus as TrancheStatusName]}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p className={cardBox()}>Aucune échéance en cours : tout est à jour.</p>
      ) : (
        <TableScroll label="Échéances en cours, les plus proches d'abord">
          <table className="w-full text-left text-sm" data-testid="deadlines">
            <caption className="sr-only">Échéances en cours, les plus proches d&apos;abord</caption>
            <thead className="bg-gray-100">
              <tr>
                <th scope="col" className="p-2">Échéance</th>
                <th scope="col" className="p-2">État</th>
                <th scope="col" className="p-2">Objet</th>
                <th scope="col" className="p-2">Dossier</th>
                <th scope="col" className="p-2">En cas de retard</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.file.id}-${r.kind}-${r.label}`} className="border-t border-gray-200">
                  <td className="p-2">{formatDate(r.dueAt)}</td>
                  <td className={`p-2 ${r.state === "LATE" ? "font-semibold text-danger" : ""}`}>
                    {r.state === "LATE" ? <Icon name="alert" className="mr-1 inline-block align-[-2px]" /> : null}
                    {STATE[r.state]} {r.state === "LATE" ? `(${-r.daysLeft} j)` : `(J-${r.daysLeft})`}
                  </td>
                  <td className="p-2">{r.label}{r.trancheStatus ? ` (${TRANCHE_STATUS_LABELS[r.trancheStatus as TrancheStatusName]})` : ""}</td>
                  <td className="p-2">
                    <TextLink href={`/financement/${r.file.id}`}>
                      {r.file.platform} — {FUNDERS[r.file.funder]} {r.file.year}
                    </TextLink>
                  </td>
                  <td className="p-2">
                    {r.consequence ?? "—"}
                    {r.withholding && r.withholding.stage !== "NONE" ? <p className="mt-1 font-medium">{r.withholding.message}</p> : null}
                    {r.withholding?.stage === "WITHHOLDING" ? <p data-testid="deadline-withheld">Retenue : {formatCents(r.withholding.withheldCents)}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
