"use client";
// Proposes the person for a job offer (chosen among the matching open offers), a training or an
// accompaniment. When `offerId` is fixed (from an offer's candidates list) only a button is shown.
import { useActionState, useState } from "react";
import { createProposalAction } from "@/app/(app)/demandeurs/actions";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { options, SelectField } from "@/components/ui/form-sections";
import { PROPOSAL_KIND_LABELS, type ProposalKind } from "@/lib/proposals/proposal.rules";

export function ProposeForm({ jobSeekerId, offers }: { jobSeekerId: string; offers: { id: string; label: string }[] }) {
  const [state, action, pending] = useActionState(createProposalAction, null);
  const [kind, setKind] = useState<ProposalKind>("JOB");
  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" aria-labelledby="propose-title">
      <h3 id="propose-title" className="w-full text-base font-semibold">Proposer</h3>
      <input type="hidden" name="jobSeekerId" value={jobSeekerId} />
      <SelectField label="Type de proposition" name="kind" options={options(PROPOSAL_KIND_LABELS)} value={kind} onChange={(e) => setKind(e.target.value as ProposalKind)} placeholder={null} error={fields?.kind?.[0]} />
      {kind === "JOB" ? (
        <SelectField label="Offre d'emploi (les plus adaptées d'abord)" name="offerId" options={offers.map((o) => ({ value: o.id, label: o.label }))} placeholder={offers.length ? "— Choisir —" : "Aucune offre ouverte adaptée"} error={fields?.offerId?.[0]} />
      ) : (
        <Field label={kind === "TRAINING" ? "Formation proposée" : "Accompagnement proposé"} name="label" error={fields?.label?.[0]} />
      )}
      <Button type="submit" disabled={pending}>Proposer</Button>
      <p aria-live="polite" className="w-full text-sm">{state?.ok ? "Proposition enregistrée." : state ? <span className="text-danger">{state.message}</span> : null}</p>
    </form>
  );
}

/** From an offer's candidates list: one button per suggested person. */
export function ProposeOnOfferButton({ jobSeekerId, offerId, name }: { jobSeekerId: string; offerId: string; name: string }) {
  const [state, action, pending] = useActionState(createProposalAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="jobSeekerId" value={jobSeekerId} />
      <input type="hidden" name="kind" value="JOB" />
      <input type="hidden" name="offerId" value={offerId} />
      <Button type="submit" variant="secondary" disabled={pending}>Proposer<span className="sr-only"> {name} sur cette offre</span></Button>
      {state && !state.ok ? <p role="status" className="text-sm text-danger">{state.message}</p> : null}
    </form>
  );
}

/**
 * From an offer's candidates page: anyone of the offer's platform, not only the suggested ones,
 * found by the server-searched job-seeker picker (name, e-mail, France Travail id, commune; the
 * search is audited) — never a long list of people.
 */
export function PositionOnOfferForm({ offerId, platformId }: { offerId: string; platformId: string }) {
  const [state, action, pending] = useActionState(createProposalAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  // A fresh, empty picker after each proposal saved; a refused one keeps the person chosen.
  const [seen, setSeen] = useState(state);
  const [saved, setSaved] = useState(0);
  if (seen !== state) {
    setSeen(state);
    if (state?.ok) setSaved((n) => n + 1);
  }
  return (
    <form action={action} noValidate className="flex flex-wrap items-end gap-3" aria-labelledby="position-title">
      <h3 id="position-title" className="w-full text-base font-semibold">Positionner une autre personne</h3>
      <input type="hidden" name="kind" value="JOB" />
      <input type="hidden" name="offerId" value={offerId} />
      <Combobox
        key={saved}
        label="Demandeur d'emploi"
        name="jobSeekerId"
        id="position-jobSeekerId"
        hint="Nom, e-mail, identifiant France Travail ou commune"
        searchUrl={`/api/v1/pickers/job-seekers?platformId=${encodeURIComponent(platformId)}`}
        error={fields?.jobSeekerId?.[0] ?? fields?.offerId?.[0]}
        className="w-96 max-w-full"
      />
      <Button type="submit" disabled={pending}>Positionner sur l&apos;offre</Button>
      <p aria-live="polite" className="w-full text-sm">{state?.ok ? "Personne positionnée sur l'offre." : state ? <span className="text-danger">{state.message}</span> : null}</p>
    </form>
  );
}
