"use client";
// Publishes a new version of a notice or of the commitment (issue 22 §7): always a new version, the
// previous ones stay as they were. Prefilled with the text in force.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";

export function PublishNoticeForm({ kind, title, body, confidentiality }: { kind: string; title: string; body: string; confidentiality: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string[]>>({});
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        setPending(true);
        const r = await sendJson<{ version: number }>("/api/v1/notices", "POST", { kind, title: data.get("title"), body: data.get("body"), validFrom: data.get("validFrom") });
        setPending(false);
        setFields(r.ok ? {} : (r.fields ?? {}));
        setMessage(r.ok ? { ok: true, text: `Version ${r.data.version} publiée.` } : { ok: false, text: r.message });
        if (r.ok) router.refresh();
      }}
    >
      <Field label="Titre" name="title" id={`title-${kind}`} defaultValue={title} required error={fields.title?.[0]} />
      <TextAreaField label="Texte" name="body" id={`body-${kind}`} defaultValue={body} rows={12} required error={fields.body?.[0]} hint="Paragraphes séparés par une ligne vide." />
      <Field
        label="Entrée en vigueur (facultatif)" name="validFrom" id={`valid-from-${kind}`} type="date" error={fields.validFrom?.[0]}
        hint={confidentiality
          ? "Vide : dès maintenant. Chaque membre du personnel devra accepter la nouvelle version avant d'accéder aux données."
          : "Vide : dès maintenant. Les fiches gardent la version remise ; les prochaines remises utiliseront celle-ci."}
      />
      <div><Button type="submit" disabled={pending}>Publier une nouvelle version</Button></div>
      <p aria-live="polite" className="text-sm">{message ? <span className={message.ok ? "text-success" : "text-danger"}>{message.text}</span> : null}</p>
    </form>
  );
}
