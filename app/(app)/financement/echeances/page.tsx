import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";

export const metadata: Metadata = { title: "Échéances financières" };

const STATE = { LATE: "En retard", SOON: "À moins de 30 jours", UPCOMING: "À venir", DONE: "Fait" } as const;
const FUNDERS: Record<string, string> = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" };

export default async function DeadlinesPage() {
  const user = await requirePageUser("subsidy.read");
  const rows = await listDeadlines(db, user);
  const late = rows.filter((r) => r.state === "LATE").length;
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/financement" className="text-brand-700 underline">← Dossiers de subvention</Link></p>
      <h1 className="text-2xl font-bold">Échéances financières</h1>
      <p className="text-muted">
        Comptes rendus financiers, recrutement de l&apos;équipe et tranches de versement des conventions attribuées ou signées.
        {late > 0 ? ` ${late} échéance(s) en retard.` : ""}
      </p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-gray-300 bg-white p-4">Aucune échéance en cours : tout est à jour.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-gray-300 bg-white">
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
                    {r.state === "LATE" ? <span aria-hidden="true">⚠ </span> : null}
                    {STATE[r.state]} {r.state === "LATE" ? `(${-r.daysLeft} j)` : `(J-${r.daysLeft})`}
                  </td>
                  <td className="p-2">{r.label}</td>
                  <td className="p-2">
                    <Link href={`/financement/${r.file.id}`} className="text-brand-700 underline">
                      {r.file.platform} — {FUNDERS[r.file.funder]} {r.file.year}
                    </Link>
                  </td>
                  <td className="p-2">{r.consequence ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
