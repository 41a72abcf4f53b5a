import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Countdown } from "@/components/rights/countdown";
import { RightsActions } from "@/components/rights/rights-actions";
import { loadOrNull } from "@/lib/api/params";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { RIGHTS_CHANNEL_LABELS, RIGHTS_KIND_LABELS, RIGHTS_STATUS_LABELS, SUBJECT_TYPE_LABELS } from "@/lib/rights/rights.schema";
import { getRightsRequest, listRevisions } from "@/lib/rights/rights.service";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Demande d'exercice de droits" };

export default async function RightsRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("rights.read");
  const { id } = await params;
  const r = await loadOrNull(id, (x) => getRightsRequest(db, user, x));
  if (!r) notFound();
  const revisions = r.kind === "RECTIFICATION" && r.jobSeeker && can(user, "rights.write") ? await listRevisions(db, user, r.id) : [];
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm"><TextLink href="/rgpd/demandes">Demandes d&apos;exercice de droits</TextLink> › {RIGHTS_KIND_LABELS[r.kind]}</p>
      <PageTitle>{r.kind === "AUTHORITY" ? RIGHTS_KIND_LABELS.AUTHORITY : <>Demande d&apos;exercice de droits : {RIGHTS_KIND_LABELS[r.kind].toLowerCase()}</>}</PageTitle>
      <dl className="grid max-w-3xl grid-cols-[14rem_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">État</dt><dd>{RIGHTS_STATUS_LABELS[r.status]}</dd>
        <dt className="font-medium">Demandeur·se</dt><dd>{r.requesterName ?? "(effacé)"}{r.requesterContact ? ` — ${r.requesterContact}` : ""}</dd>
        <dt className="font-medium">Reçue le</dt><dd>{formatDateTime(r.receivedAt)} ({r.channel ? (RIGHTS_CHANNEL_LABELS[r.channel as keyof typeof RIGHTS_CHANNEL_LABELS] ?? r.channel) : "canal non précisé"})</dd>
        <dt className="font-medium">Enregistrée le</dt>
        <dd>{formatDateTime(r.recordedAt)}{r.recordedByPlatform ? ` par la plateforme ${r.platform ?? ""} — transmise aussitôt par courriel (convention, annexe 1, art. 3.4)` : ""}</dd>
        <dt className="font-medium">Données transmises à France Travail</dt>
        <dd>{r.concernsFranceTravail ? `concernées${r.franceTravailForwardedAt ? ` — transmise au DPO de France Travail le ${formatDateTime(r.franceTravailForwardedAt)}` : ""}` : "non concernées"}</dd>
        <dt className="font-medium">Personne concernée</dt>
        <dd>
          {r.jobSeeker ? `${r.jobSeeker.name} (${r.platform ?? "—"})` : r.otherSubject ? `${r.otherSubject.name} — ${SUBJECT_TYPE_LABELS[r.otherSubject.type].toLowerCase()} (${r.platform ?? "—"})` : "non reliée"}
          {r.jobSeeker?.restricted ? <strong className="ml-2"><Icon name="ban" className="mr-1 inline-block align-[-2px]" />traitement limité</strong> : null}
        </dd>
        {r.details ? (<><dt className="font-medium">Précisions</dt><dd className="whitespace-pre-wrap">{r.details}</dd></>) : null}
        {r.response ? (<><dt className="font-medium">Réponse</dt><dd className="whitespace-pre-wrap">{r.response}</dd></>) : null}
      </dl>
      <section aria-labelledby="clocks-title" className="flex flex-col gap-2">
        <h2 id="clocks-title" className="text-lg font-semibold">Délais</h2>
        <ul className="flex flex-col gap-2">
          {r.clocks.map((c) => (
            <li key={c.name}><Countdown clock={c} />{c.doneAt ? <span className="ml-2 text-sm">fait le {formatDateTime(c.doneAt)}</span> : null}</li>
          ))}
        </ul>
      </section>
      {can(user, "rights.write") ? (
        <section aria-labelledby="actions-title" className="flex flex-col gap-2">
          <h2 id="actions-title" className="text-lg font-semibold">Traitement de la demande</h2>
          <RightsActions r={r} />
        </section>
      ) : null}
      {r.kind === "RECTIFICATION" ? (
        <section aria-labelledby="revisions-title" className="flex flex-col gap-2">
          <h2 id="revisions-title" className="text-lg font-semibold">Historique des rectifications de la fiche</h2>
          {revisions.length === 0 ? <p className="text-sm">Aucune modification enregistrée.</p> : (
            <TableScroll label="Versions précédentes">
            <table className="w-full max-w-4xl border-collapse text-left text-sm">
              <caption className="sr-only">Versions précédentes</caption>
              <thead className="bg-gray-100"><tr><th scope="col" className="p-2">Le</th><th scope="col" className="p-2">Version remplacée</th><th scope="col" className="p-2">Champs modifiés et valeurs précédentes</th></tr></thead>
              <tbody>
                {revisions.map((v) => (
                  <tr key={v.version} className="border-t border-gray-200">
                    <td className="p-2">{formatDateTime(v.at)}</td>
                    <td className="p-2">{v.version}</td>
                    <td className="p-2">{v.changedFields.map((f) => <div key={f}><strong>{f}</strong> : {JSON.stringify(v.before[f])}</div>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
          )}
        </section>
      ) : null}
    </div>
  );
}
