"use client";
// The public answer page's buttons: confirm or decline in one click (each is its own form), and
// the opt-out. Phone first: full-width buttons, large touch targets.
import { useActionState } from "react";
import { answerInvitationAction, optOutAction } from "@/app/invitation/actions";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/form-controls";
import { Field } from "@/components/ui/field";
import type { AnswerResult } from "@/lib/events/invitation.service";

const RESULT_MESSAGES: Record<AnswerResult, string> = {
  REGISTERED: "Merci, votre venue est confirmée. Votre place est réservée.",
  WAITLISTED: "Merci. La rencontre est complète : vous êtes sur la liste d'attente. Si une place se libère, elle vous sera attribuée et vous recevrez un message.",
  DECLINED: "C'est noté : vous ne viendrez pas. Merci de nous avoir prévenus.",
  COMPANY_CONFIRMED: "Merci, la participation de votre entreprise est confirmée.",
};

export function AnswerForm({ e, jeton, allowPhoneCorrection }: { e: string; jeton: string; allowPhoneCorrection: boolean }) {
  const [state, action, pending] = useActionState(answerInvitationAction, null);
  if (state?.ok) {
    return <p role="status" className="rounded border-2 border-brand-600 p-4 text-lg font-semibold" data-testid="answer-result">{RESULT_MESSAGES[state.data]}</p>;
  }
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3">
        <input type="hidden" name="e" value={e} />
        <input type="hidden" name="jeton" value={jeton} />
        {allowPhoneCorrection ? <Field label="Votre numéro de portable (facultatif, pour le corriger)" name="phone" type="tel" autoComplete="tel" inputMode="tel" /> : null}
        <Button type="submit" name="answer" value="CONFIRMED" size="lg" className="w-full" disabled={pending}>Je confirme ma venue</Button>
        <Button type="submit" name="answer" value="DECLINED" size="lg" variant="outline" className="w-full" disabled={pending}>Je ne pourrai pas venir</Button>
      </form>
      {state && !state.ok ? <p role="alert" className="text-danger">{state.message}</p> : null}
    </div>
  );
}

export function OptOutForm({ e, jeton }: { e: string; jeton: string }) {
  const [state, action, pending] = useActionState(optOutAction, null);
  if (state?.ok && state.data) return <p role="status">C&apos;est noté : la plateforme ne vous enverra plus ces messages.</p>;
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="e" value={e} />
      <input type="hidden" name="jeton" value={jeton} />
      <CheckboxField label="Ne plus recevoir de courriels de la plateforme" name="email" />
      <CheckboxField label="Ne plus recevoir de SMS de la plateforme" name="sms" />
      <Button type="submit" variant="secondary" disabled={pending}>Enregistrer mon choix</Button>
      {state && !state.ok ? <p role="alert" className="text-danger">{state.message}</p> : null}
      {state?.ok && !state.data ? <p role="alert" className="text-danger">Cochez les messages que vous ne voulez plus recevoir.</p> : null}
    </form>
  );
}
