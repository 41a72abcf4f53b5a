import { formatCents, formatDate, formatDateTime } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { fileStory } from "@/lib/subsidy/subsidy-summary.rules";
import { STATUS_LABELS, TRANSITION_DEFS, type SubsidyStatusName, type TransitionName } from "@/lib/subsidy/subsidy-workflow.rules";
import { Card } from "@/components/ui/card";

/** Events recorded on the file without a change of status. */
const EVENT_LABELS: Record<string, string> = {
  claimTranche: "Versement d'une tranche demandé",
  refundOrderIssued: "Ordre de reversement émis",
  refundOrderPaid: "Ordre de reversement réglé",
  ftBreach: "Manquement à la convention (article 8)",
  formalNotice: "Mise en demeure enregistrée",
  paymentRecorded: "Versement enregistré",
  indicatorsAmended: "Indicateurs de la convention modifiés par avenant",
};

/** The file's story from its stored transitions and payments, oldest first. */
export function FileHistory({ history, payments, status }: { history: SubsidyFileDetail["history"]; payments: SubsidyFileDetail["payments"]; status: SubsidyStatusName }) {
  const story = fileStory(
    history.map((h) => ({
      at: h.at,
      isTransition: h.fromStatus !== h.toStatus,
      title: `${TRANSITION_DEFS[h.transition as TransitionName]?.label ?? EVENT_LABELS[h.transition] ?? h.transition}${h.fromStatus !== h.toStatus ? ` — ${STATUS_LABELS[h.fromStatus as SubsidyStatusName]} → ${STATUS_LABELS[h.toStatus as SubsidyStatusName]}` : ""}`,
      detail: h.comment ? `« ${h.comment} »` : null,
      actor: h.actor,
    })),
    payments.map((p) => ({ paidAt: p.paidAt, amountText: formatCents(p.amountCents), trancheRank: p.trancheRank, reference: p.reference })),
  );
  return (
    <Card as="section" aria-labelledby="history-title" className="flex flex-col gap-2">
      <h2 id="history-title" className="text-lg font-semibold">Historique du dossier</h2>
      {story.length === 0 ? (
        <p className="text-sm text-muted">
          {status === "DRAFT" ? "Aucune étape pour l'instant : le dossier est en brouillon." : `Aucune étape enregistrée dans l'application pour ce dossier (statut actuel : ${STATUS_LABELS[status]}).`}
        </p>
      ) : (
        <ol className="flex flex-col gap-2 text-sm" data-testid="file-history">
          {story.map((h, i) => (
            <li key={`${h.at}-${i}`} className={`border-l-4 pl-3 ${h.kind === "payment" ? "border-success" : "border-brand-600"}`}>
              <p><strong>{h.title}</strong></p>
              <p className="text-muted">
                {h.kind === "payment" ? `le ${formatDate(h.at)}` : formatDateTime(h.at)}
                {h.actor ? `, par ${h.actor}` : ""}
              </p>
              {h.detail ? <p className="mt-1 whitespace-pre-line">{h.detail}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
