"use client";
// Issue 20: invite job seekers and company contacts from the event page (e-mail, SMS, letters),
// with a preview of the message, and the answers and delivery state of every message.
import { useActionState, useMemo, useState } from "react";
import { sendInvitationsAction } from "@/app/(app)/evenements/actions";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { TableScroll } from "@/components/ui/table";
import { ANSWER_LABELS, CHANNEL_LABELS, MESSAGE_KIND_LABELS, MESSAGE_STATE_LABELS } from "@/lib/events/invitation.rules";
import type { InvitationStatusRow } from "@/lib/events/invitation.service";

interface Choice { id: string; label: string; email: boolean; sms: boolean; invited: boolean; score?: number; met?: string[] }

export interface MatchingPicker {
  /** Open offers of the event's platform (participating companies first). */
  offers: { id: string; label: string }[];
  selectedOfferId: string | null;
  /** Candidates the matching ranks for the chosen offer. */
  matched: { offer: { id: string; label: string }; people: Choice[] } | null;
  problem: string | null;
}

function PeopleList({ legend, people, filter, selected, toggle, testId }: { legend: string; people: Choice[]; filter: string; selected: Set<string>; toggle: (id: string) => void; testId?: string }) {
  const shown = people.filter((p) => !filter || p.label.toLowerCase().includes(filter.toLowerCase()));
  return (
    <fieldset className="min-w-0 flex-1" data-testid={testId}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      <ul className="max-h-64 overflow-y-auto rounded border border-gray-300 p-2">
        {shown.length === 0 ? <li className="text-sm text-muted">Personne.</li> : null}
        {shown.map((p) => (
          <li key={p.id}>
            <label className="flex min-h-10 items-center gap-2">
              <input type="checkbox" value={p.id} checked={selected.has(p.id)} onChange={() => toggle(p.id)} className="h-5 w-5" />
              <span>{p.label}{p.score !== undefined ? ` — adéquation ${p.score} %` : ""}</span>
              <span className="text-xs text-muted">{[p.email ? "courriel" : null, p.sms ? "SMS" : null].filter(Boolean).join(", ") || "courrier seulement"}{p.met?.length ? ` · ${p.met.join(", ")}` : ""}{p.invited ? " · déjà invité·e" : ""}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Choosing an offer reloads the page with ?offre=…: its candidates from the matching join the choices. */
function OfferPicker({ matching }: { matching: MatchingPicker }) {
  if (matching.offers.length === 0) return <p className="text-sm text-muted">Mise en relation : aucune offre ouverte sur la plateforme.</p>;
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Candidats d'une offre (mise en relation)">
      <SelectField label="Candidats d'une offre (mise en relation)" name="offre" options={matching.offers.map((o) => ({ value: o.id, label: o.label }))} defaultValue={matching.selectedOfferId ?? ""} placeholder="— Choisir une offre —" wrapperClassName="min-w-64 flex-1" />
      <Button type="submit" variant="secondary">Afficher les candidats</Button>
      {matching.problem ? <p className="w-full text-sm text-danger">{matching.problem}</p> : null}
    </form>
  );
}

export function InvitePanel({ eventId, choices, preview, matching }: { eventId: string; choices: { jobSeekers: Choice[]; contacts: Choice[]; smsEnabled: boolean }; preview: { subject: string; text: string; sms: string }; matching?: MatchingPicker }) {
  const [state, action, pending] = useActionState(sendInvitationsAction, null);
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [letterError, setLetterError] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const matched = matching?.matched?.people;
  // One person may be in several lists (portfolio, matching): selected once, sent once.
  const jobSeekerIds = useMemo(() => [...new Set([...choices.jobSeekers, ...(matched ?? [])].map((p) => p.id))].filter((id) => selected.has(id)), [choices.jobSeekers, matched, selected]);
  const contactIds = useMemo(() => choices.contacts.filter((p) => selected.has(p.id)).map((p) => p.id), [choices.contacts, selected]);

  const count = jobSeekerIds.length + contactIds.length;

  async function printLetters() {
    setLetterError(null);
    setPrinting(true);
    try {
      const res = await fetch(`/api/v1/events/${eventId}/letters`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ jobSeekerIds, contactIds }) });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
        setLetterError(Object.values(body?.error?.fields ?? {})[0]?.[0] ?? body?.error?.message ?? "Les courriers n'ont pas pu être générés.");
        return;
      }
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? "convocations.pdf";
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } finally {
      setPrinting(false);
    }
  }

  const fields = state && !state.ok ? state.fields : undefined;
  return (
    <div className="flex flex-col gap-4">
      {matching ? <OfferPicker matching={matching} /> : null}
      <form action={action} className="flex flex-col gap-4" aria-labelledby="invite-title">
        <h3 id="invite-title" className="text-base font-semibold">Inviter</h3>
        <input type="hidden" name="eventId" value={eventId} />
        {jobSeekerIds.map((id) => <input key={id} type="hidden" name="jobSeekerIds" value={id} />)}
        {contactIds.map((id) => <input key={id} type="hidden" name="contactIds" value={id} />)}
        <Field label="Filtrer par nom" name="filtre" value={filter} onChange={(e) => setFilter(e.target.value)} autoComplete="off" />
        {matching?.matched ? (
          <PeopleList legend={`Mise en relation : candidats de l'offre « ${matching.matched.offer.label} »`} people={matching.matched.people} filter={filter} selected={selected} toggle={toggle} testId="matched-candidates" />
        ) : null}
        <div className="flex flex-col gap-4 md:flex-row">
          <PeopleList legend="Demandeurs d'emploi" people={choices.jobSeekers} filter={filter} selected={selected} toggle={toggle} />
          <PeopleList legend="Entreprises (contacts)" people={choices.contacts} filter={filter} selected={selected} toggle={toggle} />
        </div>
        {fields?.jobSeekerIds?.[0] ? <p className="text-sm text-danger">{fields.jobSeekerIds[0]}</p> : null}
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 font-semibold">Envoyer par</legend>
          <label className="flex min-h-10 items-center gap-2"><input type="checkbox" name="channels" value="EMAIL" defaultChecked className="h-5 w-5" /> Courriel</label>
          <label className="flex min-h-10 items-center gap-2"><input type="checkbox" name="channels" value="SMS" disabled={!choices.smsEnabled} className="h-5 w-5" /> SMS</label>
          {!choices.smsEnabled ? <p className="w-full text-sm text-muted" data-testid="sms-disabled">SMS désactivés : aucun fournisseur SMS n&apos;est configuré. Les courriels et les courriers restent possibles.</p> : null}
          {fields?.channels?.[0] ? <p className="w-full text-sm text-danger">{fields.channels[0]}</p> : null}
        </fieldset>
        <details className="rounded border border-gray-300 p-3">
          <summary className="cursor-pointer font-semibold">Aperçu du message</summary>
          <p className="mt-2 text-sm"><strong>Objet :</strong> {preview.subject}</p>
          <pre className="mt-2 whitespace-pre-wrap font-sans text-sm" data-testid="invitation-preview">{preview.text}</pre>
          <p className="mt-2 text-sm"><strong>SMS :</strong> {preview.sms}</p>
        </details>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending || count === 0}>Envoyer les invitations ({count})</Button>
          <Button type="button" variant="secondary" disabled={printing || count === 0} onClick={() => void printLetters()}>Imprimer les courriers (PDF)</Button>
        </div>
        <div aria-live="polite" className="text-sm">
          {state?.ok ? (
            <div data-testid="invite-result">
              <p>{state.data.invited} personne·s invitée·s : {state.data.emails} courriel·s, {state.data.sms} SMS.</p>
              {state.data.skipped.length ? <ul className="list-disc pl-6">{state.data.skipped.map((s, i) => <li key={i}>{s.name} — {s.reason}</li>)}</ul> : null}
            </div>
          ) : state ? <p className="text-danger">{state.message}</p> : null}
          {letterError ? <p className="text-danger">{letterError}</p> : null}
        </div>
      </form>
    </div>
  );
}

const ANSWER_TONE = { PENDING: "neutral", CONFIRMED: "success", DECLINED: "danger" } as const;

export function InvitationStatusTable({ rows }: { rows: InvitationStatusRow[] }) {
  if (rows.length === 0) return <p className="text-sm text-muted">Aucune invitation envoyée pour le moment.</p>;
  return (
    <TableScroll label="Invitations">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Invitations : réponses et état des messages</caption>
        <thead>
          <tr className="bg-gray-100">
            <th scope="col" className="px-2 py-1">Invité·e</th>
            <th scope="col" className="px-2 py-1">Réponse</th>
            <th scope="col" className="px-2 py-1">Messages</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-gray-200 align-top" data-testid={`invitation-${r.id}`}>
              <td className="px-2 py-2 font-medium">{r.name}</td>
              <td className="px-2 py-2"><Badge tone={ANSWER_TONE[r.answer]}>{ANSWER_LABELS[r.answer]}</Badge></td>
              <td className="px-2 py-2">
                <ul>{r.messages.map((m) => <li key={m.id}>{MESSAGE_KIND_LABELS[m.kind]} · {CHANNEL_LABELS[m.channel]} : {MESSAGE_STATE_LABELS[m.state]}{m.error ? ` (${m.error})` : ""}</li>)}</ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
