"use client";

import { setPasswordAction } from "@/app/(auth)/mot-de-passe/actions";
import { Button, LinkButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/password.rules";
import { useFormAction } from "@/components/forms/use-form-action";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useFormAction(setPasswordAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  if (state?.ok) {
    return (
      <div role="status" className="flex flex-col gap-3">
        <p className="font-medium text-success">Votre mot de passe est enregistré.</p>
        <LinkButton href="/connexion">
          Se connecter
        </LinkButton>
      </div>
    );
  }
  return (
    <form onSubmit={action} noValidate className="flex flex-col gap-4">
      {state && !state.ok ? <p role="status" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">{state.message}</p> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers associate the new password with the account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <Field
        label="Nouveau mot de passe"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères ; une phrase de plusieurs mots est plus sûre et plus facile à retenir. Pas de mot de passe courant, pas votre adresse e-mail.`}
        error={fields?.password?.join(" ")}
      />
      <Field label="Confirmer le mot de passe" name="confirmation" type="password" autoComplete="new-password" required error={fields?.confirmation?.[0]} />
      <Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer mon mot de passe"}</Button>
    </form>
  );
}
