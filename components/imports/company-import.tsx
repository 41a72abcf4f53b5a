"use client";

import { ImportWizard, type ImportWizardConfig } from "@/components/imports/import-wizard";

const CONFIG: ImportWizardConfig = {
  endpoint: "/api/v1/imports/companies",
  undoUrl: (id) => `/api/v1/imports/${id}/undo`,
  duplicatesSummary: "SIRET déjà connu(s) sur la plateforme",
  duplicateLegend: "SIRET déjà connus sur la plateforme",
  skipLabel: "Ignorer ces lignes",
  updateLabel: "Mettre à jour les entreprises existantes",
  reportNoun: { created: "entreprise(s) créée(s)", updated: "mise(s) à jour", skipped: "ignorée(s)" },
  undoConfirm: "Annuler tout cet import ? Les entreprises créées seront supprimées et celles mises à jour retrouveront leurs valeurs précédentes.",
};

export function CompanyImport() {
  return <ImportWizard config={CONFIG} />;
}
