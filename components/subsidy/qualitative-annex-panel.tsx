"use client";
// Issue 22 §4 — convention cadre Région art. 7.3 : « Une seconde annexe comprend une information
// qualitative décrivant, notamment, les natures des actions entreprises et les résultats obtenus par
// rapport aux objectifs initiaux du projet de la plateforme. » A document of the file (kind
// QUALITATIVE_ANNEX), sent through the receipts route: same checks (size, type by content, sha256,
// storage) and the same audited download.
import type { FormEvent } from "react";
import { useReceiptUpload } from "@/components/subsidy/use-receipt-upload";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";
import { Section } from "@/components/ui/card";
import { FieldShell } from "@/components/ui/field";
import { Icon } from "@/components/ui/icons";
import { formatDateTime } from "@/lib/format";
import type { FinancialReportView } from "@/lib/subsidy/financial-report.service";

export function QualitativeAnnexPanel({ fileId, annexes, canUpload }: { fileId: string; annexes: FinancialReportView["annexes"]; canUpload: boolean }) {
  const { message, pending, send } = useReceiptUpload(fileId);

  async function upload(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    data.set("kind", "QUALITATIVE_ANNEX");
    await send(form, data, "Annexe qualitative jointe.");
  }

  return (
    <Section title="Annexe qualitative" headingLevel={3} data-testid="qualitative-annex"
      description="Natures des actions entreprises et résultats obtenus par rapport aux objectifs initiaux (convention cadre, art. 7.3).">
      {annexes.length === 0 ? (
        <p className="text-sm"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Aucune annexe qualitative jointe : le compte rendu financier n&apos;est pas complet sans elle.</p>
      ) : (
        <ul className="flex flex-col gap-1 text-sm">
          {annexes.map((a) => (
            <li key={a.id}>
              <a href={`/api/v1/subsidy-files/${fileId}/receipts/${a.id}`} className="text-brand-700 underline">{a.fileName}</a>
              {" "}— {Math.ceil(a.sizeBytes / 1024)} Ko, jointe le {formatDateTime(a.createdAt)}
            </li>
          ))}
        </ul>
      )}
      {canUpload ? (
        <form onSubmit={upload} className="flex flex-wrap items-end gap-3" aria-label="Joindre l'annexe qualitative">
          <FieldShell id="annex-file" label="Document (PDF, JPEG ou PNG, 10 Mo au plus)">
            <FileInput id="annex-file" name="file" required accept="application/pdf,image/jpeg,image/png" />
          </FieldShell>
          <Button type="submit" variant="secondary" disabled={pending}>Joindre l&apos;annexe</Button>
          <div aria-live="polite" className="w-full text-sm">
            {message ? <p className={message.ok ? "text-success" : "text-danger"}><Icon name={message.ok ? "check" : "alert"} className="mr-1 inline-block align-[-2px]" />{message.text}</p> : null}
          </div>
        </form>
      ) : null}
    </Section>
  );
}
