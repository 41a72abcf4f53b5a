import type { Metadata } from "next";
import { AttemptForm } from "@/components/callbacks/attempt-form";
import { EditCallbackForm } from "@/components/callbacks/callback-form";
import { UrgencyBadge } from "@/components/callbacks/urgency-badge";
import { loadOrNull } from "@/lib/api/params";
import { orNotFound, requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { CALLBACK_STATUS_LABELS } from "@/lib/callbacks/callback.rules";
import { getCallback } from "@/lib/callbacks/callback.service";
import { listStaffOptions } from "@/lib/callbacks/options.query";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { Card, cardBox } from "@/components/ui/card";

export const metadata: Metadata = { title: "Rappel numéro vert" };

export default async function CallbackPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("callback.read");
  const { id } = await params;
  const cb = orNotFound(await loadOrNull(id, (i) => getCallback(db, user, i)));
  const writable = can(user, "callback.write");
  const staff = writable ? await listStaffOptions(db, user) : [];
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <TextLink href="/rappels">Rappels numéro vert</TextLink>
        </p>
        <PageTitle>Rappel : {cb.companyName}</PageTitle>
      </div>
      <dl className={cardBox("md", "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]")}>
        <dt className="font-medium">Entreprise</dt>
        <dd>
          <TextLink href={`/entreprises/${cb.companyId}`}>{cb.companyName}</TextLink>
          {cb.companyCity ? ` (${cb.companyCity})` : null}
        </dd>
        <dt className="font-medium">Origine</dt>
        <dd data-testid="callback-origin">{cb.origin === "FORMULAIRE_EN_LIGNE" ? "Formulaire en ligne" : "Numéro vert"}</dd>
        <dt className="font-medium">{cb.origin === "FORMULAIRE_EN_LIGNE" ? "Demande reçue le" : "Appel reçu le"}</dt>
        <dd>{formatDateTime(cb.receivedAt)}</dd>
        <dt className="font-medium">À rappeler avant</dt>
        <dd className="flex flex-wrap items-center gap-2">
          {formatDateTime(cb.dueAt)} <UrgencyBadge urgency={cb.urgency} />
        </dd>
        <dt className="font-medium">Statut</dt>
        <dd data-testid="callback-status">{CALLBACK_STATUS_LABELS[cb.status]}{cb.closedAt ? ` depuis le ${formatDateTime(cb.closedAt)}` : null}</dd>
        <dt className="font-medium">Tentatives</dt>
        <dd>{cb.attemptCount}</dd>
        <dt className="font-medium">Suivi par</dt>
        <dd>{cb.assignedTo ?? "—"}</dd>
        <dt className="font-medium">Besoin qualifié</dt>
        <dd className="whitespace-pre-line">{cb.qualifiedNeed ?? "—"}</dd>
      </dl>
      {writable ? <AttemptForm callbackId={cb.id} version={cb.version} attemptsLeft={cb.attemptsLeft} open={cb.status === "A_RAPPELER"} /> : null}
      <section aria-labelledby="attempts-title" className="flex flex-col gap-2">
        <h2 id="attempts-title" className="text-lg font-semibold">Historique des appels</h2>
        {cb.attempts.length === 0 ? (
          <p className="text-muted">Aucun appel consigné pour l&apos;instant.</p>
        ) : (
          <ol className="flex flex-col gap-2" data-testid="attempts">
            {cb.attempts.map((a) => (
              <Card as="li" padding="sm" key={a.id} className="text-sm">
                <p className="font-medium">
                  {formatDateTime(a.at)} — {a.outcome === "INJOIGNABLE" ? "Pas joint" : CALLBACK_STATUS_LABELS[a.outcome]}
                  {a.by ? `, par ${a.by}` : null}
                </p>
                {a.note ? <p className="text-muted">{a.note}</p> : null}
              </Card>
            ))}
          </ol>
        )}
      </section>
      {writable ? <EditCallbackForm callback={cb} staff={staff} /> : null}
    </div>
  );
}
