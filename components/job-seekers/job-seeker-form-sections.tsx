// The fields of the job-seeker form, grouped as in annex 1 art. 2 — nothing beyond that list.
import { Field } from "@/components/ui/field";
import { CheckboxGroup, FormSection, options, SelectField, TextAreaField, YesNoField } from "@/components/ui/form-sections";
import type { FieldErrors } from "@/lib/errors";
import type { JobSeekerDetail } from "@/lib/job-seekers/job-seeker.dto";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { CONTRACT_LABELS } from "@/lib/proposals/proposal.rules";

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");

export function JobSeekerFormSections({ initial: v, referents, errors }: { initial?: JobSeekerDetail; referents: { id: string; name: string }[]; errors: FieldErrors }) {
  const e = (k: string) => errors[k]?.[0];
  return (
    <>
      <FormSection title="Identité">
        <SelectField label="Civilité" name="civility" options={options(LABELS.civility)} defaultValue={v?.civility ?? ""} error={e("civility")} />
        <div />
        <Field label="Nom (obligatoire)" name="lastName" defaultValue={v?.lastName ?? ""} error={e("lastName")} autoComplete="off" required />
        <Field label="Prénom (obligatoire)" name="firstName" defaultValue={v?.firstName ?? ""} error={e("firstName")} autoComplete="off" required />
        <Field label="Date de naissance (obligatoire)" name="birthDate" type="date" defaultValue={day(v?.birthDate)} error={e("birthDate")} required hint="La personne doit avoir au moins 16 ans." />
        <Field label="Identifiant France Travail" name="franceTravailId" defaultValue={v?.franceTravailId ?? ""} error={e("franceTravailId")} hint="Facultatif : 7 chiffres puis une lettre ou un chiffre (ex. 1234567A)." />
      </FormSection>

      <FormSection title="Coordonnées">
        <Field label="Adresse" name="addressLine" defaultValue={v?.addressLine ?? ""} error={e("addressLine")} />
        <Field label="Code postal" name="postalCode" defaultValue={v?.postalCode ?? ""} error={e("postalCode")} inputMode="numeric" />
        <Field label="Commune" name="city" defaultValue={v?.city ?? ""} error={e("city")} />
        <Field label="Code INSEE de la commune" name="communeCode" defaultValue={v?.communeCode ?? ""} error={e("communeCode")} hint="5 caractères, ex. 62498 pour Lens." />
        <Field label="Téléphone" name="phone" type="tel" defaultValue={v?.phone ?? ""} error={e("phone")} hint="Ex. 06 12 34 56 78" />
        <Field label="Adresse e-mail" name="email" type="email" defaultValue={v?.email ?? ""} error={e("email")} />
      </FormSection>

      <FormSection title="Mobilité">
        <CheckboxGroup legend="Moyens de transport" name="transportModes" options={options(LABELS.transport)} defaultValues={v?.transportModes} error={e("transportModes")} />
        <Field label="Temps de trajet maximum accepté (minutes)" name="maxTravelMinutes" type="number" min={0} max={240} defaultValue={v?.maxTravelMinutes ?? ""} error={e("maxTravelMinutes")} />
        <SelectField label="Périmètre de mobilité" name="mobilityScope" options={options(LABELS.scope)} defaultValue={v?.mobilityScope ?? ""} error={e("mobilityScope")} />
        <Field label="Codes du périmètre" name="mobilityCodes" defaultValue={v?.mobilityCodes.join(",") ?? ""} error={e("mobilityCodes")} hint="Codes INSEE des communes, SIREN de l'EPCI, numéro de département (62) ou de région (32), séparés par des virgules." />
      </FormSection>

      <FormSection title="Besoins d'accompagnement spécifiques">
        <CheckboxGroup legend="Besoins" name="supportNeeds" options={options(LABELS.support)} defaultValues={v?.supportNeeds} error={e("supportNeeds")} />
        <Field label="Autre besoin (précisez)" name="supportNeedsOther" defaultValue={v?.supportNeedsOther ?? ""} error={e("supportNeedsOther")} />
      </FormSection>

      <FormSection title="Formation">
        <Field label="Dernière classe fréquentée" name="lastClassAttended" defaultValue={v?.lastClassAttended ?? ""} error={e("lastClassAttended")} />
        <Field label="Diplômes obtenus" name="diplomasObtained" defaultValue={v?.diplomasObtained ?? ""} error={e("diplomasObtained")} />
        <Field label="Diplômes préparés" name="diplomasInProgress" defaultValue={v?.diplomasInProgress ?? ""} error={e("diplomasInProgress")} />
        <Field label="Type de formation suivie" name="trainingType" defaultValue={v?.trainingType ?? ""} error={e("trainingType")} />
        <Field label="Début de la formation" name="trainingStartDate" type="date" defaultValue={day(v?.trainingStartDate)} error={e("trainingStartDate")} />
      </FormSection>

      <FormSection title="Situation et projet">
        <SelectField label="Situation d'emploi à la demande" name="employmentSituation" options={options(LABELS.situation)} defaultValue={v?.employmentSituation ?? ""} error={e("employmentSituation")} />
        <YesNoField legend="En activité" name="inActivity" defaultValue={v?.inActivity} error={e("inActivity")} />
        <Field label="Durée sans emploi (mois)" name="monthsWithoutEmployment" type="number" min={0} defaultValue={v?.monthsWithoutEmployment ?? ""} error={e("monthsWithoutEmployment")} />
        <SelectField label="Type de contrat (actuel ou recherché)" name="contractType" options={options(CONTRACT_LABELS)} defaultValue={v?.contractType ?? ""} error={e("contractType")} />
        <YesNoField legend="Souhaite un changement ou une mobilité" name="wantsChange" defaultValue={v?.wantsChange} error={e("wantsChange")} />
        <Field label="Situation lors du suivi" name="situationDuringFollowUp" defaultValue={v?.situationDuringFollowUp ?? ""} error={e("situationDuringFollowUp")} />
        <Field label="Métiers recherchés (codes ROME)" name="desiredRomeCodes" defaultValue={v?.desiredRomeCodes.join(",") ?? ""} error={e("desiredRomeCodes")} hint="Séparés par des virgules, ex. N1103,H2102" />
        <Field label="Type d'emploi recherché (libellé)" name="desiredJobLabel" defaultValue={v?.desiredJobLabel ?? ""} error={e("desiredJobLabel")} />
        <TextAreaField label="Expériences" name="experiences" defaultValue={v?.experiences ?? ""} error={e("experiences")} />
      </FormSection>

      <FormSection title="Compétences">
        <Field label="Langues" name="skillLanguages" defaultValue={v?.skillLanguages ?? ""} error={e("skillLanguages")} />
        <Field label="Habilitations" name="skillCertifications" defaultValue={v?.skillCertifications ?? ""} error={e("skillCertifications")} />
        <Field label="Permis" name="skillProfessionalLicences" defaultValue={v?.skillProfessionalLicences ?? ""} error={e("skillProfessionalLicences")} />
        <Field label="Informatique" name="skillIt" defaultValue={v?.skillIt ?? ""} error={e("skillIt")} />
      </FormSection>

      <FormSection title="Statuts">
        <YesNoField legend="Contrat de sécurisation professionnelle (CSP)" name="csp" defaultValue={v?.csp} error={e("csp")} />
        <YesNoField legend="Bénéficiaire du RSA" name="rsa" defaultValue={v?.rsa} error={e("rsa")} />
        <YesNoField legend="Reconnaissance de travailleur handicapé (RQTH)" name="rqth" defaultValue={v?.rqth} error={e("rqth")} />
        <YesNoField legend="Indemnisé·e" name="indemnise" defaultValue={v?.indemnise} error={e("indemnise")} />
        <TextAreaField label="Atouts et freins pour les métiers visés" name="strengthsAndObstacles" defaultValue={v?.strengthsAndObstacles ?? ""} error={e("strengthsAndObstacles")} />
      </FormSection>

      <FormSection title="Suivi et information de la personne">
        <SelectField label="Arrivée par (obligatoire)" name="origin" options={options(LABELS.origin)} defaultValue={v?.origin ?? ""} error={e("origin")} placeholder="— Choisir —" />
        <SelectField label="Référent·e Région qui suit la personne" name="referentId" options={referents.map((r) => ({ value: r.id, label: r.name }))} defaultValue={v?.referentId ?? ""} error={e("referentId")} placeholder="— Aucun —" hint="Pour les personnes venues par le numéro vert." />
        <Field label="Informé·e du traitement de ses données le (obligatoire)" name="informedAt" type="date" defaultValue={day(v?.informedAt)} error={e("informedAt")} required />
        <SelectField label="Canal d'information (obligatoire)" name="informedChannel" options={options(LABELS.channel)} defaultValue={v?.informedChannel ?? ""} error={e("informedChannel")} placeholder="— Choisir —" />
      </FormSection>
    </>
  );
}
