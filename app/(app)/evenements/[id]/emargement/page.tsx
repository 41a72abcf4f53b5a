import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/events/print-button";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getEvent } from "@/lib/events/event.service";
import { formatDateTime } from "@/lib/format";
import { TableScroll } from "@/components/ui/table";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Feuille d'émargement" };

const TYPE = { JOB_SEEKER: "Demandeur d'emploi", COMPANY: "Entreprise", CHEF_DE_FILE: "Chef de file" } as const;

/** Printable attendance sheet: confirmed registrations only (the waiting list signs on a blank line). */
export default async function AttendanceSheetPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("event.read");
  const { id } = await params;
  const e = await getEvent(db, user, id, { purpose: "Impression de la feuille d'émargement" }).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  const rows = e.participants.filter((p) => !p.waitlisted);
  return (
    <div className="flex flex-col gap-4 print:text-black">
      <div className="flex items-start justify-between gap-3">
        <div>
          <PageTitle>Feuille d&apos;émargement — {e.title}</PageTitle>
          <p className="text-sm">{formatDateTime(e.date)} · {e.place} · {e.platform.name}</p>
        </div>
        <PrintButton />
      </div>
      <TableScroll label="Feuille d'émargement">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Feuille d&apos;émargement</caption>
        <thead>
          <tr>
            <th scope="col" className="border border-gray-700 px-2 py-1">Nom</th>
            <th scope="col" className="border border-gray-700 px-2 py-1">Qualité</th>
            <th scope="col" className="w-64 border border-gray-700 px-2 py-1">Signature</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={`${p.type}-${p.id}`}>
              <td className="h-12 border border-gray-700 px-2">{p.name}</td>
              <td className="border border-gray-700 px-2">{TYPE[p.type]}</td>
              <td className="border border-gray-700 px-2" />
            </tr>
          ))}
          {Array.from({ length: 5 }, (_, i) => (
            <tr key={`blank-${i}`}>
              <td className="h-12 border border-gray-700 px-2"><span className="sr-only">Ligne libre</span></td>
              <td className="border border-gray-700 px-2" />
              <td className="border border-gray-700 px-2" />
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <p className="text-xs">
        Données personnelles traitées par la plateforme Proch&apos;Emploi pour le compte de la Région Hauts-de-France (responsable de traitement), aux seules fins du suivi de
        l&apos;événement.
      </p>
    </div>
  );
}
