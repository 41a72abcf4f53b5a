"use client";
// Close (manager), review and reopen (Région referent; reopening with a reason) of one platform's
// month. Closing and reopening ask for confirmation: closing freezes the figures, reopening makes
// them provisional again. Reviewing (issue 17) records that the referent validated the closed bilan.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { closeMonthAction, reopenMonthAction, reviewMonthAction } from "@/app/(app)/bilans/actions";
import { toFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import { reopenMonthSchema, type ReopenMonthInput } from "@/lib/bilans/bilan.schema";
import { TextAreaField } from "@/components/ui/field";

interface Props {
  platformId: string;
  platformName: string;
  month: string;
  monthLabel: string;
  closed: boolean;
  snapshotVersion: number | null;
  canClose: boolean;
  canReopen: boolean;
  monthOver: boolean;
  canReview?: boolean;
  /** When the referent reviewed the closed month, already formatted (null: not yet). */
  reviewedAt?: string | null;
}

export function MonthCloseControls(p: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useForm<ReopenMonthInput>({ resolver: zodResolver(reopenMonthSchema), defaultValues: { platformId: p.platformId, month: p.month, reason: "" } });

  async function onClose() {
    if (!window.confirm(`Clôturer ${p.monthLabel} pour ${p.platformName} ? Ses chiffres seront figés ; seul un référent Région pourra rouvrir le mois.`)) return;
    const r = await closeMonthAction(null, toFormData({ platformId: p.platformId, month: p.month }));
    setMessage(r.ok ? { ok: true, text: `Mois clôturé (version ${r.data.snapshotVersion}).` } : { ok: false, text: r.message });
    if (r.ok) router.refresh();
  }

  async function onReview() {
    const r = await reviewMonthAction(null, toFormData({ platformId: p.platformId, month: p.month }));
    setMessage(r.ok ? { ok: true, text: `Bilan de ${p.monthLabel} marqué comme relu.` } : { ok: false, text: r.message });
    if (r.ok) router.refresh();
  }

  const onReopen = form.handleSubmit(async (values) => {
    if (!window.confirm(`Rouvrir ${p.monthLabel} pour ${p.platformName} ? Ses chiffres redeviendront provisoires jusqu'à une nouvelle clôture.`)) return;
    const r = await reopenMonthAction(null, toFormData(values));
    setMessage(r.ok ? { ok: true, text: "Mois rouvert : chiffres provisoires." } : { ok: false, text: r.message });
    if (r.ok) {
      form.reset({ ...values, reason: "" });
      router.refresh();
    }
  });

  const reasonError = form.formState.errors.reason?.message;
  return (
    <div className="flex flex-col gap-2" data-testid="month-close">
      <p>
        <strong>{p.monthLabel}</strong> :{" "}
        {p.closed ? `clôturé (instantané version ${p.snapshotVersion})` : p.monthOver ? "ouvert — chiffres provisoires" : "mois en cours — chiffres provisoires"}
        {p.closed ? (p.reviewedAt ? ` ; relu par le référent Région le ${p.reviewedAt}` : " ; en attente de relecture par le référent Région") : ""}
      </p>
      {p.canReview && p.closed && !p.reviewedAt ? <Button onClick={() => void onReview()} className="self-start">Marquer le bilan de {p.monthLabel} comme relu</Button> : null}
      {p.canClose && !p.closed && p.monthOver ? <Button onClick={() => void onClose()} className="self-start">Clôturer {p.monthLabel}</Button> : null}
      {p.canReopen && p.closed ? (
        <form onSubmit={(e) => void onReopen(e)} noValidate className="flex max-w-xl flex-col gap-2">
          <TextAreaField id="reopen-reason" label="Motif de la réouverture" rows={2} error={reasonError} {...form.register("reason")} />
          <Button type="submit" variant="secondary" className="self-start">Rouvrir {p.monthLabel}</Button>
        </form>
      ) : null}
      {message ? <p role="status" className={message.ok ? "text-sm text-success" : "text-sm text-danger"}>{message.text}</p> : null}
    </div>
  );
}
