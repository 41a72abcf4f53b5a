"use client";
// One way to send a document of a subsidy file (receipt, qualitative annex, last year's bilan) to
// POST /api/v1/subsidy-files/{id}/receipts: pending state, the server's French message on a refusal,
// the form emptied and the page refreshed on success.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function useReceiptUpload(fileId: string) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  async function send(form: HTMLFormElement, data: FormData, successText: string) {
    setPending(true);
    const res = await fetch(`/api/v1/subsidy-files/${fileId}/receipts`, { method: "POST", body: data });
    setPending(false);
    if (res.ok) {
      setMessage({ ok: true, text: successText });
      form.reset();
      router.refresh();
    } else {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setMessage({ ok: false, text: body?.error?.message ?? "Envoi impossible." });
    }
  }
  return { message, pending, send };
}
