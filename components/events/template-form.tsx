"use client";
// The platform manager's wording of one circuit-court message, with its placeholders.
import { useActionState } from "react";
import { saveTemplateAction } from "@/app/(app)/evenements/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-controls";

export function TemplateForm({ platformId, kind, label, subject, body }: { platformId: string; kind: string; label: string; subject: string; body: string }) {
  const [state, action, pending] = useActionState(saveTemplateAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} className="flex flex-col gap-3" aria-label={`Modèle : ${label}`}>
      <input type="hidden" name="platformId" value={platformId} />
      <input type="hidden" name="kind" value={kind} />
      <Field label="Objet du courriel" name="subject" id={`subject-${kind}`} defaultValue={subject} error={fields?.subject?.[0]} />
      <TextAreaField label="Message" name="body" id={`body-${kind}`} defaultValue={body} rows={7} error={fields?.body?.[0]} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>Enregistrer</Button>
        <p aria-live="polite" className="text-sm">{state?.ok ? "Modèle enregistré." : state ? <span className="text-danger">{state.message}</span> : null}</p>
      </div>
    </form>
  );
}
