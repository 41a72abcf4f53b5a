"use client";
// Moves a proposal to its next status; only the transitions the rules allow are offered, and the
// fields each one needs (reason, hire date and contract…) appear when it is chosen.
import { useActionState, useState } from "react";
import { transitionProposalAction } from "@/app/(app)/demandeurs/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { options, SelectField } from "@/components/ui/form-sections";
import {
  allowedProposalTransitions, CONTRACT_LABELS, NOT_RETAINED_REASONS, PROPOSAL_STATUS_LABELS, REFUSAL_REASONS, type ProposalKind, type ProposalStatus,
} from "@/lib/proposals/proposal.rules";

export function ProposalStatusForm({ proposal, today, label }: { proposal: { id: string; kind: ProposalKind; status: ProposalStatus; version: number }; today: string; label: string }) {
  const [state, action, pending] = useActionState(transitionProposalAction, null);
  const next = allowedProposalTransitions(proposal.kind, proposal.status);
  const [to, setTo] = useState<ProposalStatus | "">("");
  if (next.length === 0) return null;
  const fields = state && !state.ok ? state.fields : undefined;
  const key = `${proposal.id}`;
  const reasons = to === "REFUSED" ? REFUSAL_REASONS : to === "NOT_RETAINED" ? NOT_RETAINED_REASONS : null;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-2" aria-label={`Changer le statut : ${label}`}>
      <input type="hidden" name="id" value={proposal.id} />
      <input type="hidden" name="version" value={proposal.version} />
      <SelectField
        label="Nouveau statut"
        name="status"
        id={`status-${key}`}
        options={next.map((s) => ({ value: s, label: PROPOSAL_STATUS_LABELS[s] }))}
        placeholder="— Choisir —"
        value={to}
        onChange={(e) => setTo(e.target.value as ProposalStatus)}
        error={fields?.status?.[0] ?? fields?.to?.[0]}
      />
      {reasons ? <SelectField label="Motif" name="reason" id={`reason-${key}`} options={reasons.map((r) => ({ value: r, label: r }))} placeholder="— Choisir —" error={fields?.reason?.[0]} /> : null}
      {reasons ? <Field label="Commentaire" name="comment" id={`comment-${key}`} error={fields?.comment?.[0]} /> : null}
      {to === "INTERVIEW" ? <Field label="Date de l'entretien" name="interviewAt" id={`interview-${key}`} type="date" error={fields?.interviewAt?.[0]} /> : null}
      {to === "HIRED" ? (
        <>
          <Field label="Date d'embauche" name="hiredAt" id={`hired-${key}`} type="date" defaultValue={today} max={today} error={fields?.hiredAt?.[0]} />
          <SelectField label="Contrat signé" name="contractType" id={`contract-${key}`} options={options(CONTRACT_LABELS)} placeholder="— Choisir —" error={fields?.contractType?.[0]} />
        </>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending || !to}>Enregistrer<span className="sr-only"> le statut : {label}</span></Button>
      <p aria-live="polite" className="w-full text-sm">{state && !state.ok ? <span className="text-danger">{state.message}</span> : null}</p>
    </form>
  );
}
