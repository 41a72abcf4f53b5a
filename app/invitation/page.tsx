import type { Metadata } from "next";
import { AnswerForm, OptOutForm } from "@/components/invitations/answer-form";
import { AuthCard } from "@/components/account/auth-card";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { ANSWER_LABELS, LEGAL_MENTION, LINK_PROBLEM_MESSAGES } from "@/lib/events/invitation.rules";
import { viewInvitation } from "@/lib/events/invitation.service";

// Public page (no account): the link carries a secret, never sent on in the Referer header.
export const metadata: Metadata = { title: "Répondre à une invitation", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

function one(v: string | string[] | undefined): string {
  return typeof v === "string" ? v : "";
}

export default async function InvitationPage({ searchParams }: { searchParams: Promise<{ e?: string | string[]; jeton?: string | string[] }> }) {
  const sp = await searchParams;
  const e = one(sp.e);
  const jeton = one(sp.jeton);
  const check = e && jeton ? await viewInvitation(db, e, jeton) : ({ ok: false, problem: "UNKNOWN" } as const);
  if (!check.ok) {
    return (
      <AuthCard title="Lien inutilisable">
        <p role="status" className="text-danger" data-testid="link-problem">{LINK_PROBLEM_MESSAGES[check.problem]}</p>
      </AuthCard>
    );
  }
  const v = check.view;
  return (
    <AuthCard title={v.firstName ? `Bonjour ${v.firstName}` : "Bonjour"} intro={<p>La plateforme Proch&apos;Emploi {v.platform} vous invite à une rencontre.</p>}>
      <div className="flex flex-col gap-5">
        <dl className="grid gap-2 text-base">
          <div><dt className="text-sm text-muted">Rencontre</dt><dd className="font-semibold">{v.title}</dd></div>
          <div><dt className="text-sm text-muted">Date et heure</dt><dd className="font-semibold">{formatDateTime(v.date)}</dd></div>
          <div><dt className="text-sm text-muted">Lieu</dt><dd className="font-semibold">{v.place}</dd></div>
        </dl>
        {v.answer === "PENDING" ? (
          <AnswerForm e={e} jeton={jeton} allowPhoneCorrection={v.allowPhoneCorrection} />
        ) : (
          <p role="status" className="rounded border border-gray-300 p-3">Votre réponse : <strong>{ANSWER_LABELS[v.answer]}</strong>. Pour la changer, contactez la plateforme.</p>
        )}
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold">Ne plus recevoir de messages</summary>
          <div className="mt-2"><OptOutForm e={e} jeton={jeton} /></div>
        </details>
        <p className="text-xs text-muted">{LEGAL_MENTION}</p>
      </div>
    </AuthCard>
  );
}
