"use client";
// The annual report's free qualitative section: a text saved with its version (a concurrent edit
// answers with a conflict message instead of overwriting), and the print button.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { saveQualitativeAction } from "@/app/(app)/bilans/actions";
import { toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";

export function QualitativeEditor({ platformId, year, text, version }: { platformId: string; year: number; text: string; version: number }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  // The version this form edits: the saved one after each save. The form stays mounted across the
  // refresh that follows a save, so its confirmation stays on screen (it used to be remounted by a
  // `key` on the version and the « enregistré » message vanished as soon as the page refreshed).
  const [current, setCurrent] = useState(version);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const qualitative = String(new FormData(e.currentTarget).get("qualitative") ?? "");
    setPending(true);
    const r = await saveQualitativeAction(null, toFormData({ platformId, year, qualitative, version: current }));
    setPending(false);
    if (r.ok) setCurrent(r.data.version);
    setMessage(r.ok ? { ok: true, text: `Bilan qualitatif enregistré (version ${r.data.version}).` } : { ok: false, text: r.fields?.qualitative?.[0] ?? r.message });
    if (r.ok) router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-2 print:hidden" aria-label="Modifier le bilan qualitatif">
      <TextAreaField id="qualitative" label="Bilan qualitatif (faits marquants, difficultés, perspectives)" name="qualitative" defaultValue={text} rows={10} maxLength={50_000} />
      {message ? <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-success" : "text-danger"}>{message.text}</p> : null}
      <div><Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer le texte"}</Button></div>
    </form>
  );
}

export function PrintButton() {
  return <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>Imprimer ou enregistrer en PDF</Button>;
}
