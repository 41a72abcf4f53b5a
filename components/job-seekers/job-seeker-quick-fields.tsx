// « Ajout rapide » (issue 14 §4): only what the law and the follow-up need first — identity,
// contact, commune, origin, and when / how the person was informed (8 fields; the date of
// information is today unless changed, behind a disclosure). Required fields come first and are marked; the rest of the
// annex fields are completed later, section by section, on the person's record.
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { FieldError, FormSection, options } from "@/components/ui/form-sections";
import type { FieldErrors } from "@/lib/errors";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";

function Choice({ legend, name, choices, error }: { legend: string; name: string; choices: { value: string; label: string }[]; error?: string }) {
  const id = `field-${name}`;
  return (
    <fieldset className="flex flex-col gap-1 sm:col-span-2" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium">
        {legend} <span aria-hidden="true" className="text-danger">*</span>
        <span className="sr-only"> (obligatoire)</span>
      </legend>
      <div className="flex flex-wrap gap-x-4">
        {choices.map((c) => (
          <label key={c.value} className="inline-flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name={name} value={c.value} required className="h-5 w-5" aria-invalid={error ? true : undefined} />
            {c.label}
          </label>
        ))}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

export function JobSeekerQuickFields({ errors, today }: { errors: FieldErrors; today: string }) {
  const e = (k: string) => errors[k]?.[0];
  return (
    <>
      <p className="text-sm text-muted">
        Les champs marqués <span aria-hidden="true" className="text-danger">*</span>
        <span className="sr-only">d&apos;un astérisque</span> sont obligatoires.
      </p>
      <FormSection title="Identité et coordonnées">
        <Field label="Nom *" name="lastName" error={e("lastName")} autoComplete="off" required />
        <Field label="Prénom *" name="firstName" error={e("firstName")} autoComplete="off" required />
        <Field label="Date de naissance *" name="birthDate" type="date" error={e("birthDate")} required hint="La personne doit avoir au moins 16 ans." />
        <Combobox label="Commune" name="communeCode" id="field-communeCode" hint="Nom ou code postal (ex. : Liévin, 62800)" searchUrl="/api/v1/reference/communes" error={e("communeCode")} />
        <Field label="Téléphone" name="phone" type="tel" inputMode="tel" autoComplete="off" error={e("phone")} hint="Ex. 06 12 34 56 78" />
        <Field label="Adresse e-mail" name="email" type="email" inputMode="email" autoComplete="off" error={e("email")} />
      </FormSection>
      <FormSection title="Arrivée et information de la personne">
        <Choice legend="Arrivée par" name="origin" choices={options(LABELS.origin)} error={e("origin")} />
        <Choice legend="Informée du traitement de ses données" name="informedChannel" choices={options(LABELS.channel)} error={e("informedChannel")} />
        {/* Pre-filled with today: the usual case needs no typing; another date stays one click away. */}
        <details className="sm:col-span-2" open={Boolean(e("informedAt"))}>
          <summary className="min-h-11 cursor-pointer py-2 text-sm">Informée aujourd&apos;hui — indiquer une autre date</summary>
          <Field label="Informée le *" name="informedAt" type="date" defaultValue={today} max={today} error={e("informedAt")} required />
        </details>
      </FormSection>
    </>
  );
}
