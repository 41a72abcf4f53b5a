import type { Metadata } from "next";
import Link from "next/link";
import { FollowUpToggle } from "@/components/visits/follow-up-toggle";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { OFFER_STATUS_LABELS, type OfferStatus } from "@/lib/offers/offer.rules";
import { notFoundOnAppError } from "@/lib/page-errors";
import { NEED_LABELS } from "@/lib/visits/visit.schema";
import { getVisit } from "@/lib/visits/visit.service";
import { Icon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Visite" };

export default async function VisitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("visit.read");
  const { id } = await params;
  const visit = await notFoundOnAppError(getVisit(db, user, id));
  const canWrite = can(user, "visit.write");
  const now = new Date();
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm"><Link href={`/entreprises/${visit.companyId}`} className="text-brand-700 underline">{visit.company}</Link> / Visite du {formatDate(visit.date)}</p>
          <h1 className="text-2xl font-bold">Visite du {formatDate(visit.date)} — {visit.company}</h1>
        </div>
        <div className="flex flex-wrap gap-2">
          {canWrite ? <Link href={`/visites/${visit.id}/modifier`} className="rounded border border-gray-400 px-4 py-2 text-sm">Modifier la visite</Link> : null}
          {can(user, "offer.write") ? (
            <Link href={`/offres/nouvelle?entreprise=${visit.companyId}&visite=${visit.id}`} className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">Créer une offre depuis cette visite</Link>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="v-info" className="rounded-lg border border-gray-300 bg-white p-4">
        <h2 id="v-info" className="mb-3 text-lg font-semibold">Compte rendu</h2>
        <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1 text-sm">
          <dt className="font-medium">Objet</dt><dd>{visit.purpose}</dd>
          <dt className="font-medium">Intervenants</dt><dd>{visit.staff.map((s) => s.name).join(", ") || "—"}</dd>
          <dt className="font-medium">Partenaires présents</dt><dd>{visit.partnersPresent.join(", ") || "—"}</dd>
          <dt className="font-medium">Besoins détectés</dt><dd>{visit.needs.map((n) => NEED_LABELS[n]).join(", ") || "—"}</dd>
          <dt className="font-medium">Résultat</dt><dd className="whitespace-pre-line">{visit.outcome ?? "—"}</dd>
          <dt className="font-medium">Notes</dt><dd className="whitespace-pre-line">{visit.notes ?? "—"}</dd>
        </dl>
      </section>
      <section aria-labelledby="v-follow" className="rounded-lg border border-gray-300 bg-white p-4">
        <h2 id="v-follow" className="mb-3 text-lg font-semibold">Actions de suivi</h2>
        {visit.followUps.length === 0 ? <p className="text-sm text-muted">Aucune action de suivi.</p> : (
          <ul className="flex flex-col divide-y divide-gray-200">
            {visit.followUps.map((f) => {
              const late = !f.doneAt && new Date(f.dueAt) < now;
              return (
                <li key={f.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                  <span>
                    <span className="font-medium">{f.label}</span> — échéance {formatDate(f.dueAt)}
                    {f.doneAt ? <span className="ml-2 text-success"><Icon name="check" className="mr-1 inline-block align-[-2px]" />faite le {formatDate(f.doneAt)}</span> : late ? <span className="ml-2 font-semibold text-warning"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />en retard</span> : null}
                  </span>
                  {canWrite ? <FollowUpToggle id={f.id} visitId={visit.id} done={f.doneAt !== null} version={f.version} label={f.label} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="v-offers" className="rounded-lg border border-gray-300 bg-white p-4">
        <h2 id="v-offers" className="mb-3 text-lg font-semibold">Offres issues de la visite</h2>
        {visit.offers.length === 0 ? <p className="text-sm text-muted">Aucune offre pour l&apos;instant.</p> : (
          <ul className="list-disc pl-5 text-sm">
            {visit.offers.map((o) => <li key={o.id}><Link href={`/offres/${o.id}`} className="text-brand-700 underline">{o.title}</Link> ({OFFER_STATUS_LABELS[o.status as OfferStatus]})</li>)}
          </ul>
        )}
      </section>
    </div>
  );
}
