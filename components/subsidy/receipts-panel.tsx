"use client";

import type { FormEvent } from "react";
import { useReceiptUpload } from "@/components/subsidy/use-receipt-upload";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { formatDateTime } from "@/lib/format";
import { RECEIPT_KINDS, type ReceiptKind } from "@/lib/subsidy/receipt.rules";
import type { ReceiptDto } from "@/lib/subsidy/receipt.service";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";

/** Payslips, expense notes and invoices attached to a budget line or a tranche. */
export function ReceiptsPanel({ file, receipts, canUpload }: { file: SubsidyFileDetail; receipts: ReceiptDto[]; canUpload: boolean }) {
  const { message, pending, send } = useReceiptUpload(file.id);
  const target = (r: ReceiptDto) =>
    r.budgetLineId ? `Ligne « ${file.lines.find((l) => l.id === r.budgetLineId)?.label ?? "supprimée"} »`
      : r.trancheId ? `Tranche ${file.tranches.find((t) => t.id === r.trancheId)?.rank ?? "?"}` : "Dossier";

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const attach = String(data.get("attachTo") ?? "");
    data.delete("attachTo");
    if (attach.startsWith("line:")) data.set("budgetLineId", attach.slice(5));
    if (attach.startsWith("tranche:")) data.set("trancheId", attach.slice(8));
    await send(form, data, "Justificatif joint.");
  }

  return (
    <Card as="section" aria-labelledby="receipts-title" className="flex flex-col gap-3">
      <h2 id="receipts-title" className="text-lg font-semibold">Justificatifs</h2>
      {receipts.length === 0 ? (
        <p className="text-sm text-muted">Aucun justificatif joint.</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm" data-testid="receipts">
          {receipts.map((r) => (
            <li key={r.id}>
              <a href={`/api/v1/subsidy-files/${file.id}/receipts/${r.id}`} className="text-brand-700 underline">{r.fileName}</a>
              {" "}— {RECEIPT_KINDS[r.kind]}, {target(r)}, {Math.ceil(r.sizeBytes / 1024)} Ko, {formatDateTime(r.createdAt)}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <form onSubmit={upload} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Joindre un justificatif">
          <SelectField id="receipt-kind" label="Type de justificatif" name="kind" defaultValue="INVOICE">
            {(Object.keys(RECEIPT_KINDS) as ReceiptKind[]).map((k) => <option key={k} value={k}>{RECEIPT_KINDS[k]}</option>)}
          </SelectField>
          <SelectField id="receipt-target" label="Rattaché à" name="attachTo" defaultValue="">
            <option value="">Dossier</option>
            {file.lines.map((l) => <option key={l.id} value={`line:${l.id}`}>Ligne : {l.label}</option>)}
            {file.tranches.map((t) => <option key={t.id} value={`tranche:${t.id}`}>Tranche {t.rank} : {t.label}</option>)}
          </SelectField>
          <div className="flex flex-col gap-1">
            <label htmlFor="receipt-file" className="text-sm font-medium">Fichier (PDF, JPEG ou PNG, 10 Mo au plus)</label>
            <FileInput id="receipt-file" name="file" required accept="application/pdf,image/jpeg,image/png" />
          </div>
          <div className="flex items-end gap-3">
            <Button type="submit" disabled={pending}>Joindre</Button>
          </div>
          <div aria-live="polite" className="text-sm sm:col-span-2 lg:col-span-4">
            {message ? <p className={message.ok ? "text-success" : "text-danger"}><Icon name={message.ok ? "check" : "alert"} className="mr-1 inline-block align-[-2px]" />{message.text}</p> : null}
          </div>
        </form>
      ) : null}
    </Card>
  );
}
