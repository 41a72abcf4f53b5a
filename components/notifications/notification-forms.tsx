"use client";

import { markReadAction, savePreferencesAction } from "@/app/(app)/notifications/actions";
import { Button } from "@/components/ui/button";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS, type Channels, type NotificationKind } from "@/lib/notifications/notification.rules";
import { TableScroll } from "@/components/ui/table";
import { useFormAction } from "@/components/forms/use-form-action";

export function MarkReadButton({ id, label }: { id: string; label: string }) {
  const [, action, pending] = useFormAction(markReadAction, null);
  return (
    <form onSubmit={action}>
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending} className="px-2 py-1 text-xs">{label}</Button>
    </form>
  );
}

const CHANNELS: { key: keyof Channels; label: string }[] = [
  { key: "inApp", label: "Dans l'application" },
  { key: "email", label: "Par courriel, aussitôt" },
  { key: "digest", label: "Dans le récapitulatif quotidien" },
];

export function PreferencesForm({ prefs }: { prefs: Record<NotificationKind, Channels> }) {
  const [state, action, pending] = useFormAction(savePreferencesAction, null);
  return (
    <form onSubmit={action} className="flex flex-col gap-3">
      <TableScroll label="Comment recevoir chaque type de notification">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Comment recevoir chaque type de notification</caption>
        <thead>
          <tr className="border-b border-gray-300">
            <th scope="col" className="p-2">Type</th>
            {CHANNELS.map((c) => <th key={c.key} scope="col" className="p-2 text-center">{c.label}</th>)}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_KINDS.map((k) => (
            <tr key={k} className="border-b border-gray-200">
              <th scope="row" className="p-2 font-normal">{NOTIFICATION_LABELS[k]}</th>
              {CHANNELS.map((c) => (
                <td key={c.key} className="p-2 text-center">
                  <input type="checkbox" name={`${k}.${c.key}`} value="true" defaultChecked={prefs[k][c.key]} aria-label={`${NOTIFICATION_LABELS[k]} : ${c.label}`} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>Enregistrer mes choix</Button>
        <span aria-live="polite" className="text-sm">{state?.ok ? "Choix enregistrés." : state ? state.message : ""}</span>
      </div>
    </form>
  );
}
