"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createSubsidyFileAction } from "@/app/(app)/financement/actions";
import { ActionMessage, fieldError } from "@/components/subsidy/action-message";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import { cardBox } from "@/components/ui/card";

/** A platform manager opens the file of the year for a funder, then fills in its budget. */
export function NewFileForm({ defaultYear }: { defaultYear: number }) {
  const [state, action, pending] = useActionState(createSubsidyFileAction, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) {
      toast({ message: "Dossier de subvention créé.", href: `/financement/${state.data.id}`, linkLabel: "Voir le dossier" });
      router.push(`/financement/${state.data.id}`);
    }
  }, [state, router]);
  const funderError = fieldError(state, "funder");
  return (
    <form action={action} noValidate aria-labelledby="new-file-title" className={cardBox("md", "flex flex-wrap items-end gap-3")}>
      <h2 id="new-file-title" className="w-full text-lg font-semibold">Nouvelle demande de subvention</h2>
      <Field label="Année" name="year" type="number" defaultValue={defaultYear} error={fieldError(state, "year")} />
      <SelectField label="Financeur" name="funder" defaultValue="REGION" error={funderError}>
        <option value="REGION">Région Hauts-de-France</option>
        <option value="FRANCE_TRAVAIL">France Travail</option>
      </SelectField>
      <Button type="submit" disabled={pending}>Ouvrir le dossier</Button>
      <ActionMessage state={state} />
    </form>
  );
}
