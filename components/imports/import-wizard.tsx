"use client";

// The import screens' wizard (file → columns and preview → import with progress → report and undo),
// shared by every kind of import; the wording and the endpoints come from `config`.
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";
import { FileInput } from "@/components/ui/file-input";
import { FormError } from "@/components/ui/form-controls";
import { TableScroll } from "@/components/ui/table";
import { Icon } from "@/components/ui/icons";
import { Card } from "@/components/ui/card";

interface RowError { line: number; field: string; message: string }
interface Preview {
  headers: string[];
  fields: { key: string; label: string; required: boolean }[];
  mapping: Record<string, number>;
  missing: string[];
  totalRows: number;
  validCount: number;
  errorCount: number;
  errors: RowError[];
  duplicates: number;
  duplicateLines?: { line: number; reasons: string[] }[];
}
interface Batch { id: string; createdCount: number; updatedCount: number; skippedCount: number; errorCount: number; errors: RowError[] }
type ApiError = { error: { message: string; fields?: Record<string, string[]> } };

function errorText(body: ApiError): string {
  const fields = Object.values(body.error.fields ?? {}).flat();
  return fields.length ? `${body.error.message} ${fields.join(" ")}` : body.error.message;
}

function ErrorList({ errors, total, labelOf = (f) => f }: { errors: RowError[]; total: number; labelOf?: (field: string) => string }) {
  if (errors.length === 0) return null;
  return (
    <div>
      <p className="font-medium">{total} ligne(s) en erreur{total > errors.length ? ` (les ${errors.length} premières ci-dessous)` : ""} :</p>
      <ul className="max-h-64 list-disc overflow-auto pl-5 text-sm" data-testid="import-errors">
        {errors.map((e, i) => <li key={i}>Ligne {e.line} — {labelOf(e.field)} : {e.message}</li>)}
      </ul>
    </div>
  );
}

export interface ImportWizardConfig {
  /** e.g. /api/v1/imports/companies (the preview is at `${endpoint}/preview`). */
  endpoint: string;
  undoUrl: (batchId: string) => string;
  /** "SIRET déjà connu(s) sur la plateforme" */
  duplicatesSummary: string;
  duplicateLegend: string;
  skipLabel: string;
  updateLabel: string;
  /** (created, updated, skipped) → report sentence start */
  reportNoun: { created: string; updated: string; skipped: string };
  undoConfirm: string;
  /** Name the fields of row errors by their French label rather than their key. */
  fieldLabels?: boolean;
}

/** Extra form values sent with the preview and the import (e.g. batch-level defaults), and their fields. */
export function ImportWizard({ config, extraValues = {}, extraFields = null }: { config: ImportWizardConfig; extraValues?: Record<string, string>; extraFields?: ReactNode }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<string, number>>({});
  const [mode, setMode] = useState<"UPDATE" | "SKIP">("SKIP");
  const [progress, setProgress] = useState<{ processed: number; total: number } | null>(null);
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const labelOf = (field: string) => (config.fieldLabels ? (preview?.fields.find((f) => f.key === field)?.label ?? field) : field);

  async function analyse(withMapping?: Record<string, number>) {
    if (!file) return setError("Choisissez d'abord un fichier CSV ou XLSX.");
    setError(null);
    setBusy(true);
    const fd = new FormData();
    fd.append("file", file);
    if (withMapping) fd.append("mapping", JSON.stringify(withMapping));
    for (const [k, v] of Object.entries(extraValues)) if (v) fd.append(k, v);
    const res = await fetch(`${config.endpoint}/preview`, { method: "POST", body: fd });
    setBusy(false);
    const body = (await res.json()) as Preview | ApiError;
    if (!res.ok) return setError(errorText(body as ApiError));
    setPreview(body as Preview);
    setMapping((body as Preview).mapping);
    setBatch(null);
  }

  async function run() {
    if (!file || !preview) return;
    setError(null);
    setBusy(true);
    setProgress({ processed: 0, total: preview.validCount });
    const fd = new FormData();
    fd.append("file", file);
    fd.append("mapping", JSON.stringify(mapping));
    fd.append("duplicateMode", mode);
    for (const [k, v] of Object.entries(extraValues)) if (v) fd.append(k, v);
    const res = await fetch(config.endpoint, { method: "POST", body: fd });
    if (!res.ok || !res.body) {
      setBusy(false);
      return setError(errorText((await res.json()) as ApiError));
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const msg = JSON.parse(line) as { type: string; processed?: number; total?: number; batch?: Batch; error?: ApiError["error"] };
        if (msg.type === "progress") setProgress({ processed: msg.processed!, total: msg.total! });
        if (msg.type === "done") setBatch(msg.batch!);
        if (msg.type === "error") setError(errorText({ error: msg.error! }));
      }
    }
    setBusy(false);
    router.refresh();
  }

  async function undo() {
    if (!batch || !window.confirm(config.undoConfirm)) return;
    const res = await fetch(config.undoUrl(batch.id), { method: "POST" });
    if (!res.ok) return setError(errorText((await res.json()) as ApiError));
    setBatch(null);
    setPreview(null);
    setProgress(null);
    setError(null);
    router.refresh();
    window.alert("Import annulé.");
  }

  return (
    <div className="flex flex-col gap-4">
      <FormError message={error} />
      <Card as="section" aria-labelledby="step1" className="flex flex-col gap-3">
        <h2 id="step1" className="text-lg font-semibold">1. Fichier</h2>
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium">Fichier CSV ou Excel (.xlsx), première ligne = en-têtes</label>
          <FileInput id="import-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => { setFile(e.target.files?.[0] ?? null); setPreview(null); setBatch(null); }} />
        </div>
        {extraFields}
        <div><Button onClick={() => void analyse()} disabled={!file || busy}>Analyser le fichier</Button></div>
      </Card>

      {preview ? (
        <Card as="section" aria-labelledby="step2" className="flex flex-col gap-3">
          <h2 id="step2" className="text-lg font-semibold">2. Colonnes et aperçu</h2>
          <p data-testid="import-summary">{preview.totalRows} ligne(s) lue(s) : {preview.validCount} prête(s) à importer, {preview.errorCount} en erreur, {preview.duplicates} {config.duplicatesSummary}.</p>
          {preview.missing.length ? <p className="text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />Colonnes obligatoires non reliées : {preview.missing.join(", ")}.</p> : null}
          <TableScroll label="Correspondance des colonnes">
          <table className="text-sm">
            <caption className="sr-only">Correspondance des colonnes</caption>
            <thead><tr><th scope="col" className="text-left">Donnée</th><th scope="col" className="text-left">Colonne du fichier</th></tr></thead>
            <tbody>
              {preview.fields.map((f) => (
                <tr key={f.key}>
                  <td className="py-1 pr-4"><label htmlFor={`map-${f.key}`}>{f.label}{f.required ? " (obligatoire)" : ""}</label></td>
                  <td>
                    <select id={`map-${f.key}`} value={mapping[f.key] ?? ""} onChange={(e) => setMapping((m) => { const n = { ...m }; if (e.target.value === "") delete n[f.key]; else n[f.key] = Number(e.target.value); return n; })} className={controlClass(undefined, "w-auto", "sm")}>
                      <option value="">— ne pas importer —</option>
                      {preview.headers.map((h, i) => <option key={i} value={i}>{h || `Colonne ${i + 1}`}</option>)}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </TableScroll>
          <div><Button variant="secondary" onClick={() => void analyse(mapping)} disabled={busy}>Actualiser l&apos;aperçu</Button></div>
          <ErrorList errors={preview.errors} total={preview.errorCount} labelOf={labelOf} />
          {preview.duplicateLines?.length ? (
            <div>
              <p className="font-medium">Lignes correspondant probablement à une fiche existante :</p>
              <ul className="max-h-48 list-disc overflow-auto pl-5 text-sm" data-testid="import-duplicates">
                {preview.duplicateLines.map((d) => <li key={d.line}>Ligne {d.line} — {d.reasons.join(", ")}</li>)}
              </ul>
            </div>
          ) : null}
          <fieldset className="flex flex-col gap-1">
            <legend className="font-medium">{config.duplicateLegend}</legend>
            <label className="flex items-center gap-2 text-sm"><input type="radio" name="dup" checked={mode === "SKIP"} onChange={() => setMode("SKIP")} /> {config.skipLabel}</label>
            <label className="flex items-center gap-2 text-sm"><input type="radio" name="dup" checked={mode === "UPDATE"} onChange={() => setMode("UPDATE")} /> {config.updateLabel}</label>
          </fieldset>
          <div><Button onClick={() => void run()} disabled={busy || preview.missing.length > 0 || preview.validCount === 0}>Lancer l&apos;import ({preview.validCount} ligne(s))</Button></div>
        </Card>
      ) : null}

      {progress ? (
        <Card as="section" aria-labelledby="step3" className="flex flex-col gap-3">
          <h2 id="step3" className="text-lg font-semibold">3. Import</h2>
          <label htmlFor="import-progress" className="text-sm">Progression : {progress.processed} / {progress.total}</label>
          <progress id="import-progress" max={Math.max(1, progress.total)} value={progress.processed} className="w-full" />
          {batch ? (
            <div className="flex flex-col gap-2" role="status">
              <p data-testid="import-report" className="font-medium">Import terminé : {batch.createdCount} {config.reportNoun.created}, {batch.updatedCount} {config.reportNoun.updated}, {batch.skippedCount} {config.reportNoun.skipped}, {batch.errorCount} ligne(s) en erreur.</p>
              <ErrorList errors={batch.errors} total={batch.errorCount} labelOf={labelOf} />
              <div><Button variant="danger" onClick={() => void undo()}>Annuler cet import</Button></div>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
