"use client";
// Create or update a breach record (PATCH carries the version read: a concurrent edit gives a 409).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { localInputToIso, toLocalInput } from "@/components/ui/datetime-local";
import { CheckboxField } from "@/components/ui/form-controls";
import { SelectField, TextAreaField, options } from "@/components/ui/form-sections";
import { BREACH_STATUS_LABELS, type BreachDto } from "@/lib/rights/breach.schema";
import { toast } from "@/components/ui/toast";

/** A stored instant as the value of a datetime-local input: its Paris wall time, on the server as in the browser. */
const localInput = (iso: string | null | undefined): string => (iso ? toLocalInput(iso) : "");

/** `processor`: a platform records what it detected; its notification is the e-mail sent on recording. */
export function BreachForm({ breach, processor = false, platforms = [] }: { breach?: BreachDto; processor?: boolean; platforms?: { id: string; name: string }[] }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [outcome, setOutcome] = useState<{ status: number; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const instant = (k: string) => localInputToIso(String(f.get(k) ?? "")) ?? "";
    const num = (k: string) => (String(f.get(k) ?? "") === "" ? undefined : f.get(k));
    const body = {
      detectedAt: instant("detectedAt") || undefined,
      ...(processor ? {} : { notifiedAt: instant("notifiedAt") }),
      ...(breach ? {} : { concernsFranceTravail: f.get("concernsFranceTravail") === "on", platformId: f.get("platformId") || undefined }),
      nature: f.get("nature"),
      dataCategories: f.get("dataCategories"),
      peopleCategories: f.get("peopleCategories"),
      approxPeople: num("approxPeople"),
      approxRecords: num("approxRecords"),
      contact: f.get("contact"),
      consequences: f.get("consequences"),
      measures: f.get("measures"),
      ...(breach ? { status: f.get("status") || undefined, version: breach.version } : {}),
    };
    setPending(true);
    const res = breach ? await sendJson<BreachDto>(`/api/v1/breaches/${breach.id}`, "PATCH", body) : await sendJson<BreachDto>("/api/v1/breaches", "POST", body);
    setPending(false);
    if (res.ok) {
      setErrors({});
      setOutcome(null);
      toast({ message: "Violation enregistrée.", href: `/rgpd/violations/${res.data.id}`, linkLabel: "Voir la fiche" });
      if (breach) router.refresh();
      else router.push(`/rgpd/violations/${res.data.id}`);
      return;
    }
    setErrors(res.fields ?? {});
    setOutcome(res.fields ? { status: res.status, message: "Vérifiez les champs signalés." } : res);
  };
  const err = (k: string) => errors[k]?.[0];
  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid max-w-4xl gap-4 sm:grid-cols-2" noValidate>
      <Field label="Détectée le (date et heure)" name="detectedAt" type="datetime-local" required defaultValue={localInput(breach?.detectedAt)} error={err("detectedAt")} hint="Le délai de notification au responsable de traitement part de ce moment." />
      {processor ? (
        <p className="text-sm">À l&apos;enregistrement, la violation est notifiée par courriel à l&apos;adresse Proch&apos;Emploi et au DPO de la Région (convention, annexe 1, art. 3.7). Appelez aussi la Direction Proch&apos;Emploi. N&apos;écrivez pas de nom de personne dans ces champs.</p>
      ) : (
        <Field label="Notifiée au responsable le (facultatif)" name="notifiedAt" type="datetime-local" defaultValue={localInput(breach?.notifiedAt)} error={err("notifiedAt")} />
      )}
      <div className="sm:col-span-2"><TextAreaField label="Nature de la violation" name="nature" rows={3} required defaultValue={breach?.nature} error={err("nature")} /></div>
      <TextAreaField label="Catégories de données concernées" name="dataCategories" rows={2} defaultValue={breach?.dataCategories.join(", ")} error={err("dataCategories")} hint="Séparées par des virgules, ex. : identité, coordonnées" />
      <TextAreaField label="Catégories de personnes concernées" name="peopleCategories" rows={2} defaultValue={breach?.peopleCategories.join(", ")} error={err("peopleCategories")} hint="Séparées par des virgules, ex. : demandeurs d'emploi" />
      <Field label="Nombre approximatif de personnes" name="approxPeople" type="number" min={0} defaultValue={breach?.approxPeople ?? ""} error={err("approxPeople")} />
      <Field label="Nombre approximatif d'enregistrements" name="approxRecords" type="number" min={0} defaultValue={breach?.approxRecords ?? ""} error={err("approxRecords")} />
      <div className="sm:col-span-2"><Field label="Contact (personne à joindre pour en savoir plus)" name="contact" defaultValue={breach?.contact ?? ""} error={err("contact")} /></div>
      <TextAreaField label="Conséquences probables" name="consequences" rows={3} defaultValue={breach?.consequences ?? ""} error={err("consequences")} />
      <TextAreaField label="Mesures prises ou envisagées" name="measures" rows={3} defaultValue={breach?.measures ?? ""} error={err("measures")} />
      {!breach ? (
        <div className="sm:col-span-2"><CheckboxField name="concernsFranceTravail" label="Concerne les données transmises à France Travail : notifiée aussi à son DPO sous 36 heures (convention France Travail, annexe 1, 2.8)" /></div>
      ) : null}
      {!breach && platforms.length > 1 ? <SelectField label="Plateforme qui a détecté la violation" name="platformId" required options={platforms.map((p) => ({ value: p.id, label: p.name }))} placeholder="— Choisir —" error={err("platformId")} /> : null}
      {breach ? <SelectField label="Statut" name="status" defaultValue={breach.status} options={options(BREACH_STATUS_LABELS)} placeholder={null} error={err("status")} /> : null}
      <div className="sm:col-span-2"><FormAlert outcome={outcome} /></div>
      <div><Button type="submit" disabled={pending}>{pending ? "Enregistrement…" : breach ? "Enregistrer les modifications" : "Enregistrer la violation"}</Button></div>
    </form>
  );
}
