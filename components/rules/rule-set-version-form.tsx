"use client";

import { Fragment, useActionState } from "react";
import { createRuleSetAction } from "@/app/(app)/administration/regles/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

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
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-from`} className="text-sm font-medium">En vigueur à partir du</label>
          <input id={`${id}-from`} name="validFrom" type="date" className="rounded border border-gray-400 px-3 py-2" aria-describedby={fieldError(state, "validFrom") ? `${id}-from-err` : undefined} />
          {fieldError(state, "validFrom") ? <p id={`${id}-from-err`} className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{fieldError(state, "validFrom")}</p> : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-note`} className="text-sm font-medium">Motif du changement</label>
          <input id={`${id}-note`} name="note" className="rounded border border-gray-400 px-3 py-2" aria-describedby={fieldError(state, "note") ? `${id}-note-err` : undefined} />
          {fieldError(state, "note") ? <p id={`${id}-note-err`} className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{fieldError(state, "note")}</p> : null}
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-json`} className="text-sm font-medium">Contenu (JSON ; montants en centimes, taux en points de base : 8000 = 80 %)</label>
        <textarea id={`${id}-json`} name="payloadJson" rows={12} defaultValue={JSON.stringify(payload, null, 2)} className="rounded border border-gray-400 px-3 py-2 font-mono text-xs" />
      </div>
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
