"use client";
// The two public intake forms (issue 23): phone first (one column, large targets, tel/email
// keyboards), the information notice above the send button, a hidden honeypot field.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { companyIntakeAction, personIntakeAction } from "@/app/(public)/actions";
import { useFormAction } from "@/components/forms/use-form-action";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboOption } from "@/components/ui/combobox";
import { Field, SelectField, TextAreaField, options } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-alert";
import { HONEYPOT_FIELD, PREFERRED_SLOT_LABELS } from "@/lib/intake/intake.schema";

export interface NoticeFacts {
  retentionMonths: number;
  dpoEmail: string;
  contactEmail: string;
  numeroVert: string;
}

/** The information notice (RGPD art. 13), shown before sending. */
export function IntakeNotice({ facts, kind }: { facts: NoticeFacts; kind: "ENTREPRISE" | "PERSONNE" }) {
  return (
    <section aria-labelledby="notice-title" className="rounded border border-gray-300 bg-gray-50 p-3 text-sm" data-testid="intake-notice">
      <h2 id="notice-title" className="font-semibold">Vos données : ce que nous en faisons</h2>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>
          <strong>Qui :</strong> la Région Hauts-de-France (responsable du traitement) et la plateforme Proch&apos;Emploi de votre secteur, qui vous rappelle.
        </li>
        <li>
          <strong>Pourquoi :</strong> {kind === "ENTREPRISE" ? "vous rappeler pour comprendre votre besoin de recrutement et vous aider à le satisfaire." : "vous rappeler pour vous présenter l'accompagnement Proch'Emploi vers un emploi."}
        </li>
        <li>
          <strong>Combien de temps :</strong> si la plateforme ne donne pas suite, votre demande est effacée au plus tard {facts.retentionMonths} mois après son envoi.
          {kind === "PERSONNE" ? " Rien n'est inscrit dans le fichier des demandeurs d'emploi sans un échange avec vous." : ""}
        </li>
        <li>
          <strong>Vos droits :</strong> accès, rectification, effacement, opposition et limitation, en écrivant à {facts.contactEmail} ou au délégué à la protection des données de la Région ({facts.dpoEmail}). Vous pouvez aussi saisir la CNIL.
        </li>
      </ul>
    </section>
  );
}

/** One establishment of the register, as /api/v1/public/entreprises gives it (public register data only). */
type RegisterOption = ComboOption & { siret: string; name: string; communeCode: string; communeLabel: string };

/**
 * `registerLoaded`: a SIRENE register is loaded, so the company form offers to find the
 * establishment by name (it fills the SIRET, the name and the commune, which stay editable).
 */
export function IntakeForm({ kind, facts, registerLoaded = false }: { kind: "ENTREPRISE" | "PERSONNE"; facts: NoticeFacts; registerLoaded?: boolean }) {
  const router = useRouter();
  // A commune outside every perimeter is a successful answer that must not empty the form: the
  // person keeps what they typed, reads the numéro vert, and nothing was stored.
  const [state, onSubmit, pending] = useFormAction(kind === "ENTREPRISE" ? companyIntakeAction : personIntakeAction, null, {
    keep: (s) => !!s?.ok && s.data.status === "OUTSIDE",
  });
  const [siret, setSiret] = useState("");
  const [companyName, setCompanyName] = useState("");
  const [commune, setCommune] = useState<ComboOption | null>(null);
  const fromRegister = (o: RegisterOption) => {
    setSiret(o.siret);
    setCompanyName(o.name.slice(0, 200));
    setCommune({ value: o.communeCode, label: o.communeLabel });
  };
  const fields = state && !state.ok ? state.fields : undefined;
  const err = (name: string) => fields?.[name]?.[0];

  useEffect(() => {
    if (!state?.ok) return;
    if (state.data.status === "RECEIVED") router.push("/demande-envoyee");
  }, [state, router]);
  const outside = state?.ok && state.data.status === "OUTSIDE" ? state.data.numeroVert : null;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-describedby="intake-intro">
      {outside ? (
        <p role="status" className="rounded border border-warning bg-amber-50 p-3" data-testid="intake-outside">
          Votre commune n&apos;est couverte par aucune plateforme Proch&apos;Emploi. Appelez le numéro vert <strong>{outside}</strong> (appel gratuit) : un conseiller vous orientera.
          Votre demande n&apos;a pas été enregistrée.
        </p>
      ) : null}
      {state && !state.ok ? <FormError message={state.message} /> : null}
      {kind === "ENTREPRISE" && registerLoaded ? (
        <Combobox
          label="Retrouver votre établissement (facultatif)"
          name=""
          id="field-registerSearch"
          hint="Nom de l'entreprise et, si besoin, sa ville, ou son SIRET : le SIRET, le nom et la commune sont remplis pour vous."
          searchUrl="/api/v1/public/entreprises"
          minChars={3}
          value={null}
          onChange={(o) => { if (o) fromRegister(o as RegisterOption); }}
          noResult={() => "Aucun établissement trouvé : saisissez le SIRET et le nom ci-dessous."}
        />
      ) : null}
      {kind === "ENTREPRISE" ? (
        <>
          <Field label="SIRET de l'établissement" name="siret" inputMode="numeric" autoComplete="off" required hint="14 chiffres, sur vos factures ou sur annuaire-entreprises.data.gouv.fr" error={err("siret")} value={siret} onChange={(e) => setSiret(e.target.value)} />
          <Field label="Nom de l'entreprise" name="companyName" autoComplete="organization" required maxLength={200} error={err("companyName")} value={companyName} onChange={(e) => setCompanyName(e.target.value)} />
        </>
      ) : null}
      <Field label="Prénom" name="firstName" autoComplete="given-name" required={kind === "PERSONNE"} maxLength={100} error={err("firstName")} />
      <Field label="Nom" name="lastName" autoComplete="family-name" required maxLength={100} error={err("lastName")} />
      {kind === "ENTREPRISE" ? <Field label="Fonction" name="role" autoComplete="organization-title" maxLength={150} hint="Ex. : gérante, responsable RH" error={err("role")} /> : null}
      <Combobox label="Commune" name="communeCode" required hint={kind === "ENTREPRISE" ? "Où se trouve l'établissement : nom ou code postal" : "Où vous habitez : nom ou code postal"} searchUrl="/api/v1/public/communes" value={commune} onChange={setCommune} error={err("communeCode")} />
      <Field label={kind === "ENTREPRISE" ? "Téléphone professionnel" : "Téléphone"} name="phone" type="tel" inputMode="tel" autoComplete="tel" hint="Un téléphone ou une adresse e-mail" error={err("phone")} />
      <Field label={kind === "ENTREPRISE" ? "Adresse e-mail professionnelle" : "Adresse e-mail"} name="email" type="email" autoComplete="email" maxLength={200} hint="Facultatif si vous donnez un téléphone : un accusé de réception y est envoyé" error={err("email")} />
      <TextAreaField
        label={kind === "ENTREPRISE" ? "Votre besoin en quelques mots" : "Ce que vous cherchez"}
        name="need"
        required
        maxLength={1000}
        hint={kind === "ENTREPRISE" ? "Ex. : deux caristes en CDI à partir de mars" : "Ex. : un emploi d'aide-soignante près de chez moi"}
        error={err("need")}
      />
      <SelectField label="Quand préférez-vous être rappelé ?" name="preferredSlot" required options={options(PREFERRED_SLOT_LABELS)} placeholder="— Choisissez —" error={err("preferredSlot")} />
      {/* Honeypot: hidden from people and from assistive technologies; robots fill it. */}
      <div aria-hidden="true" className="hidden">
        <label htmlFor={`field-${HONEYPOT_FIELD}`}>Ne pas remplir</label>
        <input id={`field-${HONEYPOT_FIELD}`} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <IntakeNotice facts={facts} kind={kind} />
      <Button type="submit" disabled={pending}>Envoyer ma demande</Button>
    </form>
  );
}
