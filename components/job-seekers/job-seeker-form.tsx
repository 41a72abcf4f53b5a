"use client";
// The job seeker in two steps (issue 14 §4):
// - « Ajout rapide » (JobSeekerQuickForm): the eight fields the law and the follow-up need first —
//   identity (name, first name, birth date), one contact (phone or e-mail), the commune (asked once,
//   a combobox storing the INSEE code), the origin, and when / how the person was informed — saved in
//   one screen, with the duplicate warning;
// - the rest of annex 1 art. 2 (JobSeekerSectionForms), completed later section by section: each
//   section is its own form, saved on its own with the optimistic version check (the version
//   travels from one section's save to the next).
// Validated in the browser with the same zod schema as the server, which validates again.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { createJobSeekerAction, updateJobSeekerAction } from "@/app/(app)/demandeurs/actions";
import { Button, LinkButton } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { CheckboxGroup, Field, FormSection, options, RadioGroup, SelectField, TextAreaField, YesNoField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-alert";
import { Icon } from "@/components/ui/icons";
import { MultiCombobox } from "@/components/ui/multi-combobox";
import { toast } from "@/components/ui/toast";
import type { FieldErrors } from "@/lib/errors";
import type { JobSeekerDetail } from "@/lib/job-seekers/job-seeker.dto";
import { DUPLICATE_REASON_LABELS } from "@/lib/job-seekers/job-seeker.rules";
import { createJobSeekerSchema, LABELS, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { parisToday } from "@/lib/paris-day";
import { CONTRACT_LABELS } from "@/lib/proposals/proposal.rules";
import { zodFieldErrors } from "@/lib/validation";
import { JOB_SEEKER_SECTIONS, type SectionId } from "@/components/job-seekers/job-seeker-sections";
import { MobilityFields, type MobilityChoiceLists } from "@/components/job-seekers/mobility-fields";
import { formatDate } from "@/lib/format";

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");

/** Checkbox groups send one entry per ticked box; the schemas read them comma-joined. */
function flatten(form: HTMLFormElement, submitter?: HTMLElement | null): FormData {
  const raw = new FormData(form, submitter);
  const out = new FormData();
  for (const key of new Set(raw.keys())) {
    const values = raw.getAll(key).map(String);
    out.set(key, values.length > 1 ? values.filter(Boolean).join(",") : (values[0] ?? ""));
  }
  return out;
}

function focusFirstError() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
}

type Duplicate = { id: string; lastName: string | null; firstName: string | null; birthDate: string | null; city: string | null; reasons: (keyof typeof DUPLICATE_REASON_LABELS)[] };

function DuplicateWarning({ duplicates, pending }: { duplicates: Duplicate[]; pending: boolean }) {
  return (
    <section aria-labelledby="dup-title" className="flex flex-col gap-2 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
      <h2 id="dup-title" className="text-lg font-semibold">Cette personne existe probablement déjà</h2>
      <ul className="flex list-disc flex-col gap-2 pl-6 text-sm">
        {duplicates.map((d) => (
          <li key={d.id}>
            <Link href={`/demandeurs/${d.id}`} className="font-semibold underline">
              {d.lastName} {d.firstName}
            </Link>{" "}
            {d.birthDate ? `né·e le ${formatDate(d.birthDate)}` : ""} {d.city ? `— ${d.city}` : ""} ({d.reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(", ")}){" "}
            <Button type="submit" name="mergeInto" value={d.id} variant="secondary" disabled={pending}>
              Fusionner<span className="sr-only"> avec la fiche de {d.lastName} {d.firstName}</span>
            </Button>
          </li>
        ))}
      </ul>
      <p className="text-sm">Ouvrez la fiche existante pour la compléter, fusionnez (la saisie est enregistrée puis vous confirmez sa fusion dans la fiche existante), ou confirmez qu&apos;il s&apos;agit d&apos;une autre personne.</p>
      <label className="inline-flex min-h-8 items-center gap-2 text-sm font-medium">
        <input type="checkbox" name="confirmNotDuplicate" value="true" className="h-5 w-5" />
        Je confirme qu&apos;il s&apos;agit d&apos;une autre personne
      </label>
    </section>
  );
}

/** « Téléphone ou e-mail »: an @ makes it the e-mail, anything else the phone. */
export function splitContact(contact: string): { phone?: string; email?: string } {
  const v = contact.trim();
  if (v === "") return {};
  return v.includes("@") ? { email: v } : { phone: v };
}

export function JobSeekerQuickForm() {
  const router = useRouter();
  const [state, action, pending] = useActionState(createJobSeekerAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [commune, setCommune] = useState<ComboOption | null>(null);
  // "Fusionner" in the duplicate warning: the record is saved, then the existing record's merge flow opens with it pre-selected.
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);
  const fields = clientErrors ?? (state && !state.ok ? state.fields : undefined) ?? {};
  const duplicates = state?.ok && state.data.status === "DUPLICATES" ? state.data.duplicates : null;
  const createdId = state?.ok && state.data.status === "CREATED" ? state.data.id : null;

  useEffect(() => {
    if (createdId && mergeTarget) router.push(`/demandeurs/${mergeTarget}?fusionner=${createdId}#doublons`);
    else if (createdId) {
      toast({ message: "Demandeur d'emploi enregistré. Complétez sa fiche quand vous le pourrez.", href: `/demandeurs/${createdId}/modifier`, linkLabel: "Compléter la fiche" });
      router.push(`/demandeurs/${createdId}`);
    }
  }, [createdId, mergeTarget, router]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const data = flatten(e.currentTarget, submitter);
    const merging = submitter?.name === "mergeInto" ? submitter.value : null;
    setMergeTarget(merging);
    if (merging) data.set("confirmNotDuplicate", "true");
    const { phone, email } = splitContact(String(data.get("contact") ?? ""));
    data.delete("contact");
    data.delete("mergeInto");
    if (phone) data.set("phone", phone);
    if (email) data.set("email", email);
    const parsed = createJobSeekerSchema.safeParse(Object.fromEntries(data));
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error));
      focusFirstError();
      return;
    }
    setClientErrors(null);
    startTransition(() => action(data));
  }

  const e = (k: string) => fields[k]?.[0];
  const message = state && !state.ok ? state.message : clientErrors ? "Le formulaire contient des erreurs : corrigez les champs signalés." : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Ajout rapide d'un demandeur d'emploi" className="flex flex-col gap-4">
      <FormError message={message} />
      {duplicates ? <DuplicateWarning duplicates={duplicates} pending={pending} /> : null}
      <p className="text-sm text-muted">
        Les champs marqués <span aria-hidden="true" className="font-bold text-danger">*</span>
        <span className="sr-only">d&apos;un astérisque</span> sont obligatoires.
      </p>
      <FormSection title="Identité et contact">
        <Field label="Nom" name="lastName" error={e("lastName")} autoComplete="off" required autoFocus />
        <Field label="Prénom" name="firstName" error={e("firstName")} autoComplete="off" required />
        <Field label="Date de naissance (facultative)" name="birthDate" type="date" error={e("birthDate")} hint="Si elle est donnée, la personne doit avoir l'âge minimal (16 ans)." />
        <Field label="Téléphone ou e-mail" name="contact" error={e("phone") ?? e("email")} autoComplete="off" hint="Ex. 06 12 34 56 78 ou prenom.nom@exemple.fr ; l'autre se complète sur la fiche." />
        <Combobox label="Commune" name="communeCode" hint="Nom ou code postal (ex. : Liévin, 62800)" searchUrl="/api/v1/reference/communes" value={commune} onChange={setCommune} error={e("communeCode")} />
      </FormSection>
      <FormSection title="Arrivée et information de la personne" columns={1}>
        <RadioGroup legend="Arrivée par" name="origin" options={options(LABELS.origin)} error={e("origin")} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Informé·e du traitement de ses données le" name="informedAt" type="date" defaultValue={parisToday()} error={e("informedAt")} required />
          <RadioGroup legend="Canal d'information" name="informedChannel" options={options(LABELS.channel)} error={e("informedChannel")} required />
        </div>
      </FormSection>
      <p className="text-sm text-muted">
        Adresse, mobilité, formation, situation, compétences et statuts se complètent ensuite sur la fiche, section par section.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>Enregistrer le demandeur</Button>
        <LinkButton variant="outline" href="/demandeurs">Annuler</LinkButton>
      </div>
    </form>
  );
}

interface SectionProps {
  id: SectionId;
  title: string;
  jobSeekerId: string;
  version: number;
  onSaved: (version: number) => void;
  children: (e: (k: string) => string | undefined) => ReactNode;
}

/** One section of the record: its own form, saved alone with the record's current version. */
function SectionForm({ id, title, jobSeekerId, version, onSaved, children }: SectionProps) {
  const router = useRouter();
  const [state, action, pending] = useActionState(updateJobSeekerAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const handled = useRef<unknown>(null);
  const fields = clientErrors ?? (state && !state.ok ? state.fields : undefined) ?? {};
  useEffect(() => {
    if (state?.ok && handled.current !== state) {
      handled.current = state;
      onSaved(state.data.version);
      router.refresh();
    }
  }, [state, onSaved, router]);

  function onSubmit(ev: React.FormEvent<HTMLFormElement>) {
    ev.preventDefault();
    const data = flatten(ev.currentTarget);
    const parsed = updateJobSeekerSchema.safeParse(Object.fromEntries(data));
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error));
      focusFirstError();
      return;
    }
    setClientErrors(null);
    startTransition(() => action(data));
  }
  const e = (k: string) => fields[k]?.[0];
  const message = state && !state.ok ? state.message : clientErrors ? "La section contient des erreurs : corrigez les champs signalés." : null;
  const saved = state?.ok === true && !clientErrors;
  return (
    <form id={id} onSubmit={onSubmit} noValidate aria-label={title} className="flex scroll-mt-16 flex-col gap-3">
      <input type="hidden" name="id" value={jobSeekerId} />
      <input type="hidden" name="version" value={version} />
      <FormError message={message} />
      <FormSection title={title}>{children(e)}</FormSection>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Enregistrer<span className="sr-only"> la section {title}</span>
        </Button>
        <p role="status" className="flex items-center gap-1 text-sm text-success">
          {saved && !pending ? (
            <>
              <Icon name="check" size={14} />
              Section enregistrée.
            </>
          ) : null}
        </p>
      </div>
    </form>
  );
}

export function JobSeekerSectionForms({ initial: v, referents, commune, desiredRome, mobilityAreas, mobilityChoices }: { initial: JobSeekerDetail; referents: { id: string; name: string }[]; commune: ComboOption | null; desiredRome: ComboOption[]; mobilityAreas: ComboOption[]; mobilityChoices: MobilityChoiceLists }) {
  const [version, setVersion] = useState(v.version);
  const [communeChoice, setCommuneChoice] = useState<ComboOption | null>(commune);
  // A refresh after another section's save brings the newer version too: keep the highest.
  const current = Math.max(version, v.version);
  const common = { jobSeekerId: v.id, version: current, onSaved: setVersion };
  const title = (id: SectionId) => JOB_SEEKER_SECTIONS.find((s) => s.id === id)!.label;
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-muted">
        Chaque section s&apos;enregistre séparément. Les champs marqués <span aria-hidden="true" className="font-bold text-danger">*</span>
        <span className="sr-only">d&apos;un astérisque</span> sont obligatoires.
      </p>
      <SectionForm id="identite" title={title("identite")} {...common}>
        {(e) => (
          <>
            <Field label="Nom" name="lastName" defaultValue={v.lastName ?? ""} error={e("lastName")} autoComplete="off" required />
            <Field label="Prénom" name="firstName" defaultValue={v.firstName ?? ""} error={e("firstName")} autoComplete="off" required />
            <Field label="Date de naissance (facultative)" name="birthDate" type="date" defaultValue={day(v.birthDate)} error={e("birthDate")} hint="Si elle est donnée, la personne doit avoir l'âge minimal (16 ans)." />
            <Field label="Informé·e du traitement de ses données le" name="informedAt" type="date" defaultValue={day(v.informedAt)} error={e("informedAt")} required />
            <RadioGroup legend="Arrivée par" name="origin" options={options(LABELS.origin)} defaultValue={v.origin} error={e("origin")} required />
            <RadioGroup legend="Canal d'information" name="informedChannel" options={options(LABELS.channel)} defaultValue={v.informedChannel} error={e("informedChannel")} required />
            <SelectField label="Civilité" name="civility" options={options(LABELS.civility)} defaultValue={v.civility ?? ""} error={e("civility")} />
            <Field label="Identifiant France Travail" name="franceTravailId" defaultValue={v.franceTravailId ?? ""} error={e("franceTravailId")} autoComplete="off" hint="7 chiffres puis une lettre ou un chiffre (ex. 1234567A)." />
            <SelectField label="Référent·e Région qui suit la personne" name="referentId" options={referents.map((r) => ({ value: r.id, label: r.name }))} defaultValue={v.referentId ?? ""} error={e("referentId")} placeholder="— Aucun —" hint="Pour les personnes venues par le numéro vert." />
          </>
        )}
      </SectionForm>

      <SectionForm id="coordonnees" title={title("coordonnees")} {...common}>
        {(e) => (
          <>
            <Field label="Adresse" name="addressLine" defaultValue={v.addressLine ?? ""} error={e("addressLine")} autoComplete="off" hint="Numéro et voie." />
            <Combobox label="Commune" name="communeCode" hint="Nom ou code postal (ex. : Liévin, 62800)" searchUrl="/api/v1/reference/communes" value={communeChoice} onChange={setCommuneChoice} error={e("communeCode") ?? e("postalCode") ?? e("city")} />
            <Field label="Téléphone" name="phone" type="tel" inputMode="tel" defaultValue={v.phone ?? ""} error={e("phone")} autoComplete="off" hint="Ex. 06 12 34 56 78" />
            <Field label="Adresse e-mail" name="email" type="email" inputMode="email" defaultValue={v.email ?? ""} error={e("email")} autoComplete="off" />
          </>
        )}
      </SectionForm>

      <SectionForm id="mobilite" title={title("mobilite")} {...common}>
        {(e) => (
          <>
            <CheckboxGroup legend="Moyens de transport" name="transportModes" options={options(LABELS.transport)} defaultValues={v.transportModes} error={e("transportModes")} />
            <Field label="Temps de trajet maximum accepté (minutes)" name="maxTravelMinutes" type="number" inputMode="numeric" min={0} max={240} defaultValue={v.maxTravelMinutes ?? ""} error={e("maxTravelMinutes")} />
            <MobilityFields scope={v.mobilityScope} areas={mobilityAreas} choices={mobilityChoices} errors={{ scope: e("mobilityScope"), codes: e("mobilityCodes") }} />
          </>
        )}
      </SectionForm>

      <SectionForm id="besoins" title={title("besoins")} {...common}>
        {(e) => (
          <>
            <CheckboxGroup legend="Besoins" name="supportNeeds" options={options(LABELS.support)} defaultValues={v.supportNeeds} error={e("supportNeeds")} />
            <Field label="Autre besoin (précisez)" name="supportNeedsOther" defaultValue={v.supportNeedsOther ?? ""} error={e("supportNeedsOther")} />
          </>
        )}
      </SectionForm>

      <SectionForm id="formation" title={title("formation")} {...common}>
        {(e) => (
          <>
            <Field label="Dernière classe fréquentée" name="lastClassAttended" defaultValue={v.lastClassAttended ?? ""} error={e("lastClassAttended")} />
            <Field label="Diplômes obtenus" name="diplomasObtained" defaultValue={v.diplomasObtained ?? ""} error={e("diplomasObtained")} />
            <Field label="Diplômes préparés" name="diplomasInProgress" defaultValue={v.diplomasInProgress ?? ""} error={e("diplomasInProgress")} />
            <Field label="Type de formation suivie" name="trainingType" defaultValue={v.trainingType ?? ""} error={e("trainingType")} />
            <Field label="Début de la formation" name="trainingStartDate" type="date" defaultValue={day(v.trainingStartDate)} error={e("trainingStartDate")} />
          </>
        )}
      </SectionForm>

      <SectionForm id="situation" title={title("situation")} {...common}>
        {(e) => (
          <>
            <MultiCombobox label="Métiers recherchés" name="desiredRomeCodes" hint="Métier, appellation ou code ROME (ex. : soudeur, H2913)" searchUrl="/api/v1/reference/rome" defaultValue={desiredRome} error={e("desiredRomeCodes")} />
            <Field label="Type d'emploi recherché (libellé)" name="desiredJobLabel" defaultValue={v.desiredJobLabel ?? ""} error={e("desiredJobLabel")} />
            <SelectField label="Situation d'emploi à la demande" name="employmentSituation" options={options(LABELS.situation)} defaultValue={v.employmentSituation ?? ""} error={e("employmentSituation")} />
            <YesNoField legend="En activité" name="inActivity" defaultValue={v.inActivity} error={e("inActivity")} />
            <Field label="Durée sans emploi (mois)" name="monthsWithoutEmployment" type="number" inputMode="numeric" min={0} defaultValue={v.monthsWithoutEmployment ?? ""} error={e("monthsWithoutEmployment")} />
            <SelectField label="Type de contrat (actuel ou recherché)" name="contractType" options={options(CONTRACT_LABELS)} defaultValue={v.contractType ?? ""} error={e("contractType")} />
            <YesNoField legend="Souhaite un changement ou une mobilité" name="wantsChange" defaultValue={v.wantsChange} error={e("wantsChange")} />
            <Field label="Situation lors du suivi" name="situationDuringFollowUp" defaultValue={v.situationDuringFollowUp ?? ""} error={e("situationDuringFollowUp")} />
            <TextAreaField label="Expériences" name="experiences" defaultValue={v.experiences ?? ""} error={e("experiences")} wrapperClassName="sm:col-span-2" />
          </>
        )}
      </SectionForm>

      <SectionForm id="competences" title={title("competences")} {...common}>
        {(e) => (
          <>
            <Field label="Langues" name="skillLanguages" defaultValue={v.skillLanguages ?? ""} error={e("skillLanguages")} />
            <Field label="Habilitations" name="skillCertifications" defaultValue={v.skillCertifications ?? ""} error={e("skillCertifications")} />
            <Field label="Permis" name="skillProfessionalLicences" defaultValue={v.skillProfessionalLicences ?? ""} error={e("skillProfessionalLicences")} />
            <Field label="Informatique" name="skillIt" defaultValue={v.skillIt ?? ""} error={e("skillIt")} />
          </>
        )}
      </SectionForm>

      <SectionForm id="statuts" title={title("statuts")} {...common}>
        {(e) => (
          <>
            <YesNoField legend="Contrat de sécurisation professionnelle (CSP)" name="csp" defaultValue={v.csp} error={e("csp")} />
            <YesNoField legend="Bénéficiaire du RSA" name="rsa" defaultValue={v.rsa} error={e("rsa")} />
            <YesNoField legend="Reconnaissance de travailleur handicapé (RQTH)" name="rqth" defaultValue={v.rqth} error={e("rqth")} />
            <YesNoField legend="Indemnisé·e" name="indemnise" defaultValue={v.indemnise} error={e("indemnise")} />
            <TextAreaField label="Atouts et freins pour les métiers visés" name="strengthsAndObstacles" defaultValue={v.strengthsAndObstacles ?? ""} error={e("strengthsAndObstacles")} wrapperClassName="sm:col-span-2" />
          </>
        )}
      </SectionForm>
    </div>
  );
}
