"use client";

import { useRouter } from "next/navigation";
import { confirmTwoFactorAction } from "@/app/double-authentification/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";

/** Confirms enrolment with a first code, then shows the recovery codes once. */
export function TwoFactorEnrolForm() {
  const router = useRouter();
  const [state, action, pending] = useFormAction(confirmTwoFactorAction, null);
  if (state?.ok) {
    return (
      <section aria-labelledby="recovery-title" className="flex flex-col gap-3 rounded border border-success bg-green-50 p-4">
        <h2 id="recovery-title" className="text-lg font-semibold">Double authentification activée</h2>
        <p>
          Voici vos <strong>10 codes de secours</strong>. Chacun ne sert qu&apos;une fois, à la place du code de l&apos;application
          si vous n&apos;avez plus votre téléphone. Notez-les et gardez-les en lieu sûr : ils ne seront plus jamais affichés.
        </p>
        <ul data-testid="recovery-codes" className="grid grid-cols-2 gap-1 font-mono">
          {state.data.recoveryCodes.map((c) => <li key={c}>{c}</li>)}
        </ul>
        <Button type="button" onClick={() => { router.replace("/"); router.refresh(); }}>J&apos;ai noté mes codes, continuer</Button>
      </section>
    );
  }
  const error = state && !state.ok ? (state.fields?.code?.[0] ?? state.message) : undefined;
  return (
    <form onSubmit={action} noValidate className="flex flex-col gap-3">
      <Field label="Code à 6 chiffres" name="code" inputMode="numeric" autoComplete="one-time-code" error={error} />
      <Button type="submit" disabled={pending}>Confirmer et activer</Button>
    </form>
  );
}
