"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { OUTBOX_STATE_LABELS } from "@/lib/email/outbox.rules";
import type { OutboxItem } from "@/lib/email/outbox.query";
import { formatDateTime } from "@/lib/format";

const PURPOSES: Record<string, string> = {
  invitation: "Invitation",
  "password-reset": "Mot de passe oublié",
  notification: "Notification",
  digest: "Récapitulatif quotidien",
  "rgpd-forward": "Transmission RGPD (demande, violation)",
  "circuit-court": "Circuit court (invitation, relance, place libérée)",
};

/** The plain-text body with its links made clickable (the invitation link must be usable from here). */
function Body({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/\S+)/g);
  return (
    <p className="whitespace-pre-wrap break-all text-sm">
      {parts.map((p, i) =>
        /^https?:\/\//.test(p) ? (
          <a key={i} href={p} className="text-brand-700 underline">{p}</a>
        ) : (
          <span key={i}>{p}</span>
        ),
      )}
    </p>
  );
}

const columns: ColumnDef<OutboxItem, unknown>[] = [
  { id: "createdAt", header: "Créé le", cell: ({ row }) => formatDateTime(row.original.createdAt) },
  { id: "to", header: "Destinataire", accessorKey: "to" },
  { id: "purpose", header: "Objet", cell: ({ row }) => PURPOSES[row.original.purpose] ?? row.original.purpose },
  {
    id: "subject",
    header: "Message",
    cell: ({ row }) => (
      <details>
        <summary className="cursor-pointer text-brand-700 underline">{row.original.subject}</summary>
        <Body text={row.original.text} />
      </details>
    ),
  },
  {
    id: "state",
    header: "État",
    cell: ({ row }) => {
      const e = row.original;
      return (
        <span>
          {OUTBOX_STATE_LABELS[e.state]}
          {e.sentAt ? ` le ${formatDateTime(e.sentAt)}` : ""}
          {e.state === "RETRYING" ? ` (${formatDateTime(e.nextAttemptAt)})` : ""}
          {e.error && !e.sentAt ? <span className="block text-xs text-danger">{e.attempts} essai(s) : {e.error}</span> : null}
        </span>
      );
    },
  },
];

export function OutboxTable(props: { data: OutboxItem[]; total: number; page: number; pageSize: number }) {
  return <DataTable caption="Courriels envoyés et en attente" columns={columns} emptyMessage="Aucun courriel pour l'instant." {...props} />;
}
