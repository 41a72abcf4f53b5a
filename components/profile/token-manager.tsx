"use client";

import { useActionState } from "react";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/profil/actions";
import { Button } from "@/components/ui/button";
import { useFormAction } from "@/components/forms/use-form-action";
import { Field } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/format";
import type { ApiTokenDto } from "@/lib/tokens/token.schema";
import { TableScroll } from "@/components/ui/table";
import { Card } from "@/components/ui/card";

function RevokeButton({ token }: { token: ApiTokenDto }) {
  const [, action, pending] = useActionState(revokeTokenAction, null);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(`Révoquer le jeton « ${token.name} » ? Les scripts qui l'utilisent cesseront de fonctionner.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={token.id} />
      <Button type="submit" variant="danger" disabled={pending}>
        Révoquer<span className="sr-only"> le jeton {token.name}</span>
      </Button>
    </form>
  );
}

export function TokenManager({ tokens }: { tokens: ApiTokenDto[] }) {
  const [state, action, pending] = useFormAction(createTokenAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <Card as="section" aria-labelledby="tokens-title" className="flex flex-col gap-4">
      <h2 id="tokens-title" className="text-lg font-semibold">Jetons d&apos;accès personnels (API)</h2>
      <p className="text-sm text-muted">
        Un jeton permet d&apos;appeler l&apos;API avec vos droits (en-tête <code>Authorization: Bearer …</code>). Il n&apos;est affiché
        qu&apos;une fois : conservez-le en lieu sûr. Les points d&apos;accès sont décrits dans la{" "}
        <TextLink href="/docs/api">documentation de l&apos;API</TextLink>.
      </p>
      <form onSubmit={action} className="flex flex-wrap items-end gap-3" noValidate>
        <Field label="Nom du jeton" name="name" required error={fields?.name?.[0]} />
        <Field label="Durée de validité (jours)" name="expiresInDays" type="number" min={1} max={365} defaultValue={90} error={fields?.expiresInDays?.[0]} />
        <Button type="submit" disabled={pending}>Créer un jeton</Button>
      </form>
      <div aria-live="polite">
        {state?.ok ? (
          <p className="rounded border border-success bg-green-50 p-3 text-sm">
            Jeton créé : <code data-testid="new-token" className="break-all font-mono">{state.data.token}</code>
          </p>
        ) : state ? (
          <p className="text-sm text-danger">{state.message}</p>
        ) : null}
      </div>
      {tokens.length === 0 ? (
        <p className="text-sm text-muted">Vous n&apos;avez encore aucun jeton.</p>
      ) : (
        <TableScroll label="Vos jetons">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Vos jetons</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Début</th>
              <th scope="col">Créé le</th>
              <th scope="col">Dernière utilisation</th>
              <th scope="col">Expire le</th>
              <th scope="col">État</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-gray-200">
                <td>{t.name}</td>
                <td className="font-mono">{t.prefix}…</td>
                <td>{formatDateTime(t.createdAt)}</td>
                <td>{formatDateTime(t.lastUsedAt)}</td>
                <td>{formatDateTime(t.expiresAt)}</td>
                <td>{t.revokedAt ? "Révoqué" : "Actif"}</td>
                <td>{t.revokedAt ? null : <RevokeButton token={t} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </TableScroll>
      )}
    </Card>
  );
}
