import { formatDateTime } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { STATUS_LABELS, TRANSITION_DEFS, type SubsidyStatusName, type TransitionName } from "@/lib/subsidy/subsidy-workflow.rules";

/** Events recorded on the file without a change of status. */
const EVENT_LABELS: Record<string, string> = {
  claimTranche: "Versement d'une tranche demandé",
  refundOrderIssued: "Ordre de reversement émis",
  refundOrderPaid: "Ordre de reversement réglé",
  ftBreach: "Manquement à la convention (article 8)",
  formalNotice: "Mise en demeure enregistrée",
  paymentRecorded: "Versement enregistré",
};

export function FileHistory({ history, status }: { history: SubsidyFileDetail["history"]; status: SubsidyStatusName }) {
  return (
    <section aria-labelledby="history-title" className="flex flex-col gap-2 rounded-lg border border-gray-300 bg-white p-4">
      <h2 id="history-title" className="text-lg font-semibold">Historique du dossier</h2>
      {history.length === 0 ? (
        <p className="text-sm text-muted">Aucune étape enregistrée dans l&apos;application. Statut actuel du dossier : {STATUS_LABELS[status].toLowerCase()}.</p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm" data-testid="file-history">
          {history.map((h) => (
            <li key={h.id} className="border-l-4 border-brand-600 pl-3">
              <p>
                <strong>{TRANSITION_DEFS[h.transition as TransitionName]?.label ?? EVENT_LABELS[h.transition] ?? h.transition}</strong>
                {h.fromStatus !== h.toStatus ? <> — {STATUS_LABELS[h.fromStatus as SubsidyStatusName]} → {STATUS_LABELS[h.toStatus as SubsidyStatusName]}</> : null}
              </p>
              <p className="text-muted">
                {formatDateTime(h.at)}
                {h.actor ? `, par ${h.actor}` : ""}
              </p>
              {h.comment ? <p className="mt-1 whitespace-pre-line">« {h.comment} »</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
