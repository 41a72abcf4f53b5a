"use client";
// Staff actions on a public intake request (issue 23): convert it (company contact / job-seeker
// record, the information notice given at this first call) or discard it.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { convertCompanyIntakeAction, convertPersonIntakeAction, discardIntakeAction } from "@/app/(app)/demandes-en-ligne/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, SelectField, TextAreaField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-alert";
import { Section } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { toast } from "@/components/ui/toast";

const CHANNELS = [
  { value: "TELEPHONE", label: "Par téléphone" },
  { value: "EN_PERSONNE", label: "En personne" },
  { value: "EMAIL", label: "Par e-mail" },
  { value: "COURRIER", label: "Par courrier" },
];

export function ConvertCompanyForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [state, onSubmit, pending] = useFormAction(convertCompanyIntakeAction, null);
  useEffect(() => {
    if (state?.ok) {
      toast({ message: "Contact enregistré dans la fiche de l'entreprise." });
      router.push(`/entreprises/${state.data.companyId}`);
    }
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm">Le contact (nom, fonction, coordonnées professionnelles) est ajouté à la fiche de l&apos;entreprise et le besoin devient une note ; la demande est ensuite effacée.</p>
      {state && !state.ok ? <FormError message={state.message} /> : null}
      <Button type="submit" disabled={pending}>Enregistrer le contact dans la fiche entreprise</Button>
    </form>
  );
}

export function ConvertPersonForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [state, onSubmit, pending] = useFormAction(convertPersonIntakeAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  const duplicates = state?.ok && state.data.status === "DUPLICATES" ? state.data.duplicates : [];
  useEffect(() => {
    if (state?.ok && state.data.status === "CREATED") {
      toast({ message: "Fiche demandeur créée." });
      router.push(`/demandeurs/${state.data.id}`);
    }
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {state && !state.ok ? <FormError message={state.message} /> : null}
      <Field label="Date de naissance (facultative)" name="birthDate" type="date" error={fields?.birthDate?.[0]} />
      <SelectField label="Notice d'information donnée" name="informedChannel" required options={CHANNELS} defaultValue="TELEPHONE" placeholder={null} error={fields?.informedChannel?.[0]} />
      <CheckboxField name="noticeGiven" label="J'ai donné à la personne la notice d'information (qui traite ses données, pourquoi, combien de temps, ses droits, le contact)." error={fields?.noticeGiven?.[0]} />
      {duplicates.length > 0 ? (
        <div role="status" className="rounded border border-warning bg-amber-50 p-3 text-sm">
          <p className="font-semibold">Une fiche semblable existe peut-être déjà :</p>
          <ul className="list-disc pl-5">
            {duplicates.map((d) => (
              <li key={d.id}><TextLink href={`/demandeurs/${d.id}`}>{[d.firstName, d.lastName].filter(Boolean).join(" ") || "Fiche"}</TextLink>{d.city ? ` (${d.city})` : ""}</li>
            ))}
          </ul>
          <CheckboxField name="confirmNotDuplicate" label="Ce n'est pas la même personne : créer la fiche quand même" />
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>Créer la fiche demandeur</Button>
    </form>
  );
}

export function DiscardIntakeForm({ id, version }: { id: string; version: number }) {
  const router = useRouter();
  const [state, onSubmit, pending] = useFormAction(discardIntakeAction, null);
  const fields = state && !state.ok ? state.fields : undefined;
  useEffect(() => {
    if (state?.ok) {
      toast({ message: "Demande écartée : ses données sont effacées." });
      router.push("/");
    }
  }, [state, router]);
  return (
    <Section title="Écarter la demande">
      <form onSubmit={onSubmit} className="flex flex-col gap-3">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        {state && !state.ok && !fields ? <FormError message={state.message} /> : null}
        <TextAreaField label="Motif" name="reason" required maxLength={300} hint="Ex. : demande fantaisiste, personne déjà suivie, hors champ" error={fields?.reason?.[0]} />
        <Button type="submit" variant="outline" disabled={pending}>Écarter et effacer la demande</Button>
      </form>
    </Section>
  );
}
