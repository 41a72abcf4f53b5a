"use client";

import { Fragment, useActionState } from "react";
import { createRuleSetAction } from "@/app/(app)/administration/regles/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";

/**
 * New version of one rule set, starting from the latest payload; validated by its kind's schema.
 * `baseId` is the latest version's id: when a save (here or in the field editor) makes a new one, the
 * inputs start again from it, but the form itself stays mounted, so its confirmation stays on screen
 * (a `key` on the version around the whole form remounted it and the message vanished).
 */
export function RuleSetVersionForm({ kind, label, baseId, payload }: { kind: string; label: string; baseId: string | null; payload: unknown }) {
  const [state, action, pending] = useActionState(createRuleSetAction, null);
  const id = `rs-${kind}`;
  const payloadErrors = state && !state.ok ? Object.entries(state.fields ?? {}).filter(([k]) => k.startsWith("payload")) : [];
  return (
    <form action={action} noValidate className="flex flex-col gap-3" aria-label={`Nouvelle version : ${label}`}>
      <input type="hidden" name="kind" value={kind} />
      <Fragment key={baseId ?? "none"}>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-from`} label="En vigueur à partir du" name="validFrom" type="date" error={fieldError(state, "validFrom")} />
        <Field id={`${id}-note`} label="Motif du changement" name="note" error={fieldError(state, "note")} />
      </div>
      <TextAreaField
        id={`${id}-json`}
        label="Contenu (JSON ; montants en centimes, taux en points de base : 8000 = 80 %)"
        name="payloadJson"
        rows={12}
        defaultValue={JSON.stringify(payload, null, 2)}
        className="font-mono text-xs"
      />
      </Fragment>
      {payloadErrors.length > 0 ? (
        <ul className="list-disc pl-6 text-sm text-danger">
          {payloadErrors.map(([k, v]) => <li key={k}>{k.replace(/^payload\.?/, "") || "contenu"} : {v.join(" ")}</li>)}
        </ul>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>Créer la version</Button>
        <ActionMessage state={state} success="Nouvelle version enregistrée ; la précédente se termine la veille." />
      </div>
    </form>
  );
}
