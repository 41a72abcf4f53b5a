"use client";
// One setting an administrator edits; the version read travels with it (a concurrent edit is refused).
import { useActionState } from "react";
import { updateSettingAction } from "@/app/(app)/administration/parametres/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SettingForm({ setting }: { setting: { key: string; label: string; value: string; defaultValue: string; version: number } }) {
  const [state, action, pending] = useActionState(updateSettingAction, null);
  const error = state && !state.ok ? (state.fields?.value?.[0] ?? state.message) : undefined;
  const name = `value-${setting.key.replace(/\W/g, "-")}`;
  return (
    <form action={action} noValidate className="flex flex-col gap-2 rounded border border-gray-300 p-3">
      <input type="hidden" name="key" value={setting.key} />
      <input type="hidden" name="version" value={setting.version} />
      <Field label={setting.label} name="value" id={name} defaultValue={setting.value} error={error} hint={`Valeur de la convention : ${setting.defaultValue}`} />
      <div><Button type="submit" variant="secondary" disabled={pending}>Enregistrer</Button></div>
      <div aria-live="polite">{state?.ok ? <p className="text-sm text-success">Paramètre enregistré.</p> : null}</div>
    </form>
  );
}
