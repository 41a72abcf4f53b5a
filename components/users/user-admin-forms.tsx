"use client";

import { useActionState } from "react";
import { resendInvitationAction, resetTwoFactorAction, setUserActiveAction, updateUserAction } from "@/app/(app)/administration/utilisateurs/actions";
import { Button } from "@/components/ui/button";
import { AccessFields, type RoleOption } from "@/components/users/access-fields";
import type { UserDto } from "@/lib/users/user.schema";

function Feedback({ state, success }: { state: { ok: boolean; message?: string } | null; success: string }) {
  return (
    <div aria-live="polite">
      {state?.ok ? <p className="text-sm text-success">{success}</p> : state ? <p className="text-sm text-danger">{state.message}</p> : null}
    </div>
  );
}

export function AccessForm(props: { user: UserDto; roles: RoleOption[]; platforms: { id: string; name: string }[]; canAllPlatforms: boolean }) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  const u = props.user;
  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <input type="hidden" name="id" value={u.id} />
      <input type="hidden" name="version" value={u.version} />
      <AccessFields
        roles={props.roles}
        platforms={props.platforms}
        canAllPlatforms={props.canAllPlatforms}
        errors={fields}
        defaults={{ role: u.role, platformIds: u.platforms.map((p) => p.id), allPlatforms: u.allPlatforms }}
      />
      {/* An unticked checkbox sends nothing: say explicitly that the sets were submitted. */}
      <input type="hidden" name="allPlatforms" value="false" />
      <input type="hidden" name="platformIds" value="" />
      <Button type="submit" disabled={pending}>Enregistrer le rôle et les plateformes</Button>
      <Feedback state={state} success="Modifications enregistrées (tracées dans le journal d'audit)." />
    </form>
  );
}

export function ActivationForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(setUserActiveAction, null);
  const next = !user.active;
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const question = next
          ? `Réactiver le compte de ${user.firstName} ${user.lastName} ?`
          : `Désactiver le compte de ${user.firstName} ${user.lastName} ? Ses sessions sont fermées immédiatement et il ne pourra plus se connecter.`;
        if (!window.confirm(question)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="active" value={String(next)} />
      <Button type="submit" variant={next ? "secondary" : "danger"} disabled={pending}>
        {next ? "Réactiver le compte" : "Désactiver le compte"}
      </Button>
      {/* The page is re-rendered after the change: the message follows the result, not the button. */}
      <Feedback state={state} success={state?.ok && state.data.active ? "Compte réactivé." : "Compte désactivé : ses sessions sont fermées."} />
    </form>
  );
}

export function ResendInvitationForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(resendInvitationAction, null);
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={userId} />
      <Button type="submit" variant="secondary" disabled={pending}>Renvoyer l&apos;invitation</Button>
      <Feedback state={state} success="Nouvelle invitation envoyée ; l'ancien lien ne fonctionne plus." />
    </form>
  );
}

export function ResetTwoFactorForm({ user }: { user: UserDto }) {
  const [state, action, pending] = useActionState(resetTwoFactorAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const question = `Réinitialiser la double authentification de ${user.firstName} ${user.lastName} ? Ses sessions sont fermées et il devra l'activer de nouveau à sa prochaine connexion.`;
        if (!window.confirm(question)) e.preventDefault();
      }}
      className="flex flex-col gap-2"
    >
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <Button type="submit" variant="danger" disabled={pending}>Réinitialiser la double authentification</Button>
      <Feedback state={state} success="Double authentification réinitialisée (tracé dans le journal d'audit)." />
    </form>
  );
}
