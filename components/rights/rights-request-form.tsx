"use client";
// Registers a rights request; the person concerned is searched within the DPO's scope.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { localInputToIso } from "@/components/ui/datetime-local";
import { CheckboxField } from "@/components/ui/form-controls";
import { formatDate } from "@/lib/format";
import { SelectField, TextAreaField, options } from "@/components/ui/form-sections";
import { RIGHTS_CHANNEL_LABELS, RIGHTS_KIND_LABELS, SUBJECT_MATCH_LABELS, type RightsRequestDto, type SubjectMatchType, type SubjectType } from "@/lib/rights/rights.schema";
import { Icon } from "@/components/ui/icons";
import { toast } from "@/components/ui/toast";

type Match = { type: SubjectMatchType; id: string; name: string; birthDate: string | null; city: string | null; platform: string; lifecycle: string };
/** A match a rights request can be linked to (not a waiting public-form request). */
type Linkable = Match & { type: SubjectType };
const linkable = (m: Match): m is Linkable => m.type !== "INTAKE_REQUEST";

export function SubjectPicker({ value, onChange, error }: { value: Linkable | null; onChange: (m: Linkable | null) => void; error?: string }) {
  const [q, setQ] = useState("");
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const search = async () => {
    setMessage(null);
    const res = await fetch(`/api/v1/rights-requests/subjects?q=${encodeURIComponent(q)}`);
    const json = (await res.json().catch(() => null)) as { items?: Match[]; error?: { message: string } } | null;
    if (!res.ok) return setMessage(json?.error?.message ?? "Recherche impossible.");
    setMatches(json?.items ?? []);
  };
  return (
    <fieldset className="flex flex-col gap-2 rounded border border-gray-300 p-3">
      <legend className="px-1 text-sm font-medium">Personne concernée (facultatif, peut être reliée plus tard)</legend>
      {value ? (
        <p className="text-sm">
          Reliée à : <strong>{value.name}</strong> ({value.platform}{value.birthDate ? `, née le ${formatDate(value.birthDate)}` : ""}){" "}
          <button type="button" className="text-brand-700 underline" onClick={() => onChange(null)}>Retirer</button>
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <Field label="Nom, prénom, e-mail ou identifiant France Travail (demandeur·se, contact d'entreprise, chef de file)" name="subjectQuery" value={q} onChange={(e) => setQ(e.target.value)} onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); void search(); } }} />
        <Button type="button" variant="secondary" onClick={() => void search()} disabled={q.trim().length < 2}>Rechercher la personne</Button>
      </div>
      <div aria-live="polite" className="text-sm">
        {message ? <p className="text-danger">{message}</p> : null}
        {matches && matches.length === 0 ? <p>Aucune personne trouvée dans votre périmètre.</p> : null}
        {matches && matches.length > 0 ? (
          <ul className="flex flex-col gap-1">
            {matches.map((m) =>
              !linkable(m) ? (
                // A waiting public-form request (issue 23): found, but not a record to link the request to.
                <li key={m.id} data-testid="subject-intake">
                  {SUBJECT_MATCH_LABELS[m.type]} : {m.name} — {m.platform}{m.city ? `, ${m.city}` : ""}. Elle ne peut pas être reliée : la plateforme {m.platform} l&apos;écarte à la demande, ce qui efface ses données ; sinon elle est effacée automatiquement à l&apos;échéance de conservation.
                </li>
              ) : (
                <li key={m.id}>
                  <button type="button" className="text-brand-700 underline" onClick={() => { onChange(m); setMatches(null); }}>
                    {SUBJECT_MATCH_LABELS[m.type]} : {m.name} — {m.platform}{m.birthDate ? `, né·e le ${formatDate(m.birthDate)}` : ""}{m.city ? `, ${m.city}` : ""}{m.lifecycle === "ARCHIVED" ? " (archivé·e)" : ""}
                  </button>
                </li>
              ),
            )}
          </ul>
        ) : null}
      </div>
      {error ? <p className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{error}</p> : null}
    </fieldset>
  );
}

export function RightsRequestForm({ platforms = [] }: { platforms?: { id: string; name: string }[] }) {
  const router = useRouter();
  const [subject, setSubject] = useState<Linkable | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ status: number; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const received = String(f.get("receivedAt") ?? "");
    setPending(true);
    const res = await sendJson<RightsRequestDto>("/api/v1/rights-requests", "POST", {
      kind: f.get("kind") || undefined,
      requesterName: f.get("requesterName"),
      requesterContact: f.get("requesterContact") || undefined,
      channel: f.get("channel") || undefined,
      // datetime-local is Paris time, whatever the browser's zone: send an instant.
      receivedAt: localInputToIso(received),
      details: f.get("details") || undefined,
      jobSeekerId: subject?.type === "JOB_SEEKER" ? subject.id : undefined,
      companyContactId: subject?.type === "COMPANY_CONTACT" ? subject.id : undefined,
      chefDeFileId: subject?.type === "CHEF_DE_FILE" ? subject.id : undefined,
      concernsFranceTravail: f.get("concernsFranceTravail") === "on",
      platformId: f.get("platformId") || undefined,
    });
    setPending(false);
    if (res.ok) {
      toast({ message: "Demande enregistrée.", href: `/rgpd/demandes/${res.data.id}`, linkLabel: "Voir la demande" });
      return router.push(`/rgpd/demandes/${res.data.id}`);
    }
    setErrors(res.fields ?? {});
    setOutcome(res);
  };
  const err = (k: string) => errors[k]?.[0];
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="flex max-w-3xl flex-col gap-4" noValidate aria-describedby="form-alert">
      <SelectField label="Droit exercé" name="kind" required options={options(RIGHTS_KIND_LABELS)} placeholder="— Choisir —" error={err("kind")} />
      <Field label="Qui fait la demande" name="requesterName" required error={err("requesterName")} />
      <Field label="Coordonnées pour la réponse (facultatif)" name="requesterContact" error={err("requesterContact")} />
      <SelectField label="Reçue par" name="channel" required options={options(RIGHTS_CHANNEL_LABELS)} placeholder="— Choisir —" error={err("channel")} />
      <Field label="Reçue le (date et heure)" name="receivedAt" type="datetime-local" required error={err("receivedAt")} hint="Les délais (transmission, réponse) partent de ce moment." />
      <TextAreaField label="Précisions (facultatif)" name="details" rows={3} error={err("details")} />
      <SubjectPicker value={subject} onChange={setSubject} error={err("jobSeekerId") ?? err("companyContactId") ?? err("chefDeFileId")} />
      <CheckboxField name="concernsFranceTravail" label="Concerne les données transmises à France Travail : transmise aussi à son DPO (convention France Travail, annexe 1, 2.7)" />
      {platforms.length > 1 ? <SelectField label="Plateforme qui a reçu la demande" name="platformId" required options={platforms.map((p) => ({ value: p.id, label: p.name }))} placeholder="— Choisir —" error={err("platformId")} /> : null}
      <FormAlert outcome={outcome && !Object.keys(errors).length ? outcome : outcome ? { status: outcome.status, message: "Vérifiez les champs signalés." } : null} />
      <div><Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : "Enregistrer la demande"}</Button></div>
    </form>
  );
}
