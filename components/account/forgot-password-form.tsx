"use client";

import { forgotPasswordAction } from "@/app/(auth)/mot-de-passe/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useFormAction } from "@/components/forms/use-form-action";

export function ForgotPasswordForm() {
  const [state, action, pending] = useFormAction(forgotPasswordAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  if (state?.ok) {
    return (
      <p role="status" className="rounded border border-success bg-green-50 p-3 text-sm">
        Si un compte actif correspond à cette adresse, un courriel contenant un lien de réinitialisation vient de lui être envoyé.
        Le lien ne sert qu&apos;une fois et expire rapidement.
      </p>
    );
  }
  return (
    <form onSubmit={action} noValidate className="flex flex-col gap-4">
      {state && !state.ok && !fields ? <p role="status" className="text-sm text-danger">{state.message}</p> : null}
      <Field label="Adresse e-mail" name="email" type="email" autoComplete="username" required error={fields?.email?.[0]} />
      <Button type="submit" disabled={pending}>Recevoir un lien</Button>
    </form>
  );
}
