"use client";

import { inviteUserAction } from "@/app/(app)/administration/utilisateurs/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { AccessFields, type RoleOption } from "@/components/users/access-fields";
import { useFormAction } from "@/components/forms/use-form-action";
import { TextLink } from "@/components/ui/text-link";
import { cardBox } from "@/components/ui/card";

export function InviteForm(props: { roles: RoleOption[]; platforms: { id: string; name: string }[]; canAllPlatforms: boolean; canSeeOutbox: boolean; linkHours: number }) {
  const [state, action, pending] = useFormAction(inviteUserAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  if (state?.ok) {
    return (
      <div role="status" className="flex flex-col gap-2 rounded border border-success bg-green-50 p-4">
        <p>
          Invitation envoyée à <strong>{state.data.email}</strong>. Le lien est valable une seule fois pendant {props.linkHours} heures.
        </p>
        <p className="flex gap-4">
          <TextLink href={`/administration/utilisateurs/${state.data.id}`}>Voir le compte</TextLink>
          {props.canSeeOutbox ? <TextLink href="/administration/courriels">Voir la boîte d&apos;envoi</TextLink> : null}
          <TextLink href="/administration/utilisateurs">Retour à la liste</TextLink>
        </p>
      </div>
    );
  }
  return (
    <form onSubmit={action} noValidate className={cardBox("lg", "flex max-w-xl flex-col gap-4")}>
      {state && !state.ok ? (
        <p role="status" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">{state.message}</p>
      ) : null}
      <Field label="Adresse e-mail professionnelle" name="email" type="email" autoComplete="off" required error={fields?.email?.[0]} />
      <Field label="Prénom" name="firstName" required error={fields?.firstName?.[0]} />
      <Field label="Nom" name="lastName" required error={fields?.lastName?.[0]} />
      <AccessFields roles={props.roles} platforms={props.platforms} errors={fields} canAllPlatforms={props.canAllPlatforms} />
      <Button type="submit" disabled={pending}>{pending ? "Envoi…" : "Envoyer l'invitation"}</Button>
    </form>
  );
}
