"use client";
// Records that the information notice in force was given to the person (and sends it when the
// channel is e-mail): issue 22 §2, Région annex 1 art. 3.3, France Travail convention art. 11.
// Job seekers (kind JOB_SEEKER or FRANCE_TRAVAIL), company contacts and chefs de file (no kind: it
// follows the record) post to their own information address.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { options, SelectField } from "@/components/ui/form-sections";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";

export function InformForm({ url, kind, label }: { url: string; kind?: "JOB_SEEKER" | "FRANCE_TRAVAIL"; label: string }) {
  const router = useRouter();
  const [channel, setChannel] = useState("EN_PERSONNE");
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-3 print:hidden"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        const r = await sendJson<{ version: number }>(url, "POST", kind ? { kind, channel } : { channel });
        setPending(false);
        setMessage(r.ok ? { ok: true, text: channel === "EMAIL" ? `Notice version ${r.data.version} envoyée et enregistrée.` : `Remise de la notice version ${r.data.version} enregistrée.` } : { ok: false, text: r.message });
        if (r.ok) router.refresh();
      }}
    >
      <SelectField label="Remise par" name={`channel-${kind ?? "PERSON"}`} options={options(LABELS.channel)} value={channel} onChange={(e) => setChannel(e.target.value)} placeholder={null} />
      <Button type="submit" disabled={pending}>{label}</Button>
      <p aria-live="polite" className="text-sm">{message ? <span className={message.ok ? "" : "text-danger"}>{message.text}</span> : null}</p>
    </form>
  );
}
