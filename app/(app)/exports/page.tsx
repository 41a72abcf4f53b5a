import type { Metadata } from "next";
import { RefreshWhilePending } from "@/components/exports/refresh-while-pending";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMyExports } from "@/lib/exports/table-export.service";
import { TableScroll } from "@/components/ui/table";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Mes exports" };

const STATUS = { PENDING: "en attente", RUNNING: "en cours", DONE: "prêt", FAILED: "échec" } as const;
const dt = (iso: string) => new Date(iso).toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "short" });

export default async function MyExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("tableExport.run");
  const created = (await searchParams).nouveau;
  const items = await listMyExports(db, user);
  const pending = items.some((e) => e.status === "PENDING" || e.status === "RUNNING");
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Mes exports</PageTitle>
      <p className="text-muted">Les exports volumineux sont préparés en arrière-plan. Ils restent téléchargeables par vous seul·e jusqu&apos;à leur date d&apos;expiration.</p>
      {created ? <p role="status" className="rounded border border-brand-600 bg-white p-3">Votre export est volumineux : il est en préparation. Cette page se met à jour toute seule.</p> : null}
      <RefreshWhilePending pending={pending} />
      {items.length === 0 ? (
        <p className="rounded border border-dashed p-4">Aucun export en cours ou disponible.</p>
      ) : (
        <TableScroll label="Mes exports">
        <table className="min-w-full text-sm" data-testid="exports-table">
          <caption className="sr-only">Mes exports</caption>
          <thead>
            <tr><th scope="col" className="px-2 py-1 text-left">Liste</th><th scope="col" className="px-2 py-1 text-left">Format</th><th scope="col" className="px-2 py-1 text-left">Demandé le</th><th scope="col" className="px-2 py-1 text-left">État</th><th scope="col" className="px-2 py-1 text-left">Progression</th><th scope="col" className="px-2 py-1 text-left">Expire le</th><th scope="col" className="px-2 py-1 text-left">Fichier</th></tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} className="border-t border-gray-200">
                <td className="px-2 py-1">{e.listLabel}</td>
                <td className="px-2 py-1 uppercase">{e.format}</td>
                <td className="px-2 py-1">{dt(e.createdAt)}</td>
                <td className="px-2 py-1">{STATUS[e.status]}</td>
                <td className="px-2 py-1">
                  <progress max={100} value={e.percent} aria-label={`Progression de l'export ${e.listLabel}`} className="mr-2 align-middle" />
                  {e.percent} % ({e.processedRows.toLocaleString("fr-FR")} / {e.totalRows.toLocaleString("fr-FR")} lignes)
                </td>
                <td className="px-2 py-1">{dt(e.expiresAt)}</td>
                <td className="px-2 py-1">{e.downloadUrl ? <a href={e.downloadUrl} className="text-brand-700 underline">Télécharger</a> : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </div>
  );
}
