"use client";

import { useState } from "react";
import { ImportWizard, type ImportWizardConfig } from "@/components/imports/import-wizard";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { INFORMATION_CHANNELS, LABELS, ORIGINS } from "@/lib/job-seekers/job-seeker.schema";

const CONFIG: ImportWizardConfig = {
  endpoint: "/api/v1/imports/job-seekers",
  undoUrl: (id) => `/api/v1/imports/job-seekers/${id}/undo`,
  duplicatesSummary: "personne(s) probablement déjà connue(s) sur la plateforme",
  duplicateLegend: "Personnes probablement déjà connues (même identifiant France Travail, même e-mail, ou mêmes nom, prénom et date de naissance)",
  skipLabel: "Ignorer ces lignes",
  updateLabel: "Mettre à jour les fiches existantes avec les valeurs du fichier",
  reportNoun: { created: "personne(s) créée(s)", updated: "fiche(s) mise(s) à jour", skipped: "ignorée(s)" },
  undoConfirm: "Annuler tout cet import ? Les personnes créées seront supprimées (sauf celles suivies depuis) et les fiches mises à jour retrouveront leurs valeurs précédentes.",
  fieldLabels: true,
};

/** The job-seeker import: the generic wizard plus the values that apply to the whole file. */
export function JobSeekerImport({ today }: { today: string }) {
  const [origin, setOrigin] = useState("");
  const [informedAt, setInformedAt] = useState("");
  const [informedChannel, setInformedChannel] = useState("");
  return (
    <ImportWizard
      config={CONFIG}
      extraValues={{ origin, informedAt, informedChannel }}
      extraFields={
        <fieldset className="flex flex-col gap-2 rounded border border-gray-300 p-3">
          <legend className="px-1 font-medium">Pour tout le fichier (si le fichier n&apos;a pas la colonne, ou la cellule est vide)</legend>
          <p className="text-sm text-muted">Chaque personne importée doit avoir été informée du traitement de ses données : indiquez quand et comment, en colonne ou ici.</p>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <Field label="Informé·es du traitement le" name="informedAt" id="import-informedAt" type="date" max={today} value={informedAt} onChange={(e) => setInformedAt(e.target.value)} />
            <SelectField label="Informé·es par" name="informedChannel" value={informedChannel} onChange={(e) => setInformedChannel(e.target.value)}>
              <option value="">— selon le fichier —</option>
              {INFORMATION_CHANNELS.map((c) => <option key={c} value={c}>{LABELS.channel[c]}</option>)}
            </SelectField>
            <SelectField label="Arrivé·es par" name="origin" value={origin} onChange={(e) => setOrigin(e.target.value)}>
              <option value="">— selon le fichier —</option>
              {ORIGINS.map((o) => <option key={o} value={o}>{LABELS.origin[o]}</option>)}
            </SelectField>
          </div>
        </fieldset>
      }
    />
  );
}
