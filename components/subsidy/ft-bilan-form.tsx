"use client";
// The porteur's part of the intermediate bilan (France Travail convention art. 5): steps done and
// ahead, and « le cas échéant, une actualisation du budget prévisionnel » line by line (blank = the
// initial forecast). Sent to PATCH /api/v1/subsidy-files/{id}/ft-bilan with the file's version.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { toast } from "@/components/ui/toast";
import type { FtBilanDto } from "@/lib/france-travail/ft-bilan.schema";
import { eurosSchema } from "@/lib/subsidy/subsidy-file.schema";

const toEuros = (c: number | null) => (c === null ? "" : (c / 100).toFixed(2).replace(".", ","));

export function FtBilanForm({ bilan }: { bilan: FtBilanDto }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const budgetUpdate: { lineId: string; updatedForecastCents: number | null }[] = [];
    const errs: Record<string, string> = {};
    for (const r of bilan.budget.rows) {
      const raw = String(fd.get(`line-${r.id}`) ?? "").trim();
      if (raw === "") {
        if (r.updatedForecastCents !== null) budgetUpdate.push({ lineId: r.id, updatedForecastCents: null });
        continue;
      }
      const parsed = eurosSchema.safeParse(raw);
      if (!parsed.success) errs[`line-${r.id}`] = parsed.error.issues[0]?.message ?? "Montant invalide.";
      else if (parsed.data !== r.updatedForecastCents) budgetUpdate.push({ lineId: r.id, updatedForecastCents: parsed.data });
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setPending(true);
    const res = await sendJson(`/api/v1/subsidy-files/${bilan.file.id}/ft-bilan`, "PATCH", {
      version: bilan.file.version, stepsDone: String(fd.get("stepsDone") ?? ""), stepsAhead: String(fd.get("stepsAhead") ?? ""), budgetUpdate,
    });
    setPending(false);
    if (!res.ok) {
      setAlert(res);
      return;
    }
    setAlert(null);
    toast({ message: "Bilan intermédiaire enregistré." });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label="Renseigner le bilan intermédiaire">
      <FormAlert outcome={alert} id="ft-bilan-alert" />
      <TextAreaField label="Étapes du projet déjà mises en œuvre" name="stepsDone" defaultValue={bilan.steps.done ?? ""} maxLength={8000} />
      <TextAreaField label="Étapes à venir" name="stepsAhead" defaultValue={bilan.steps.ahead ?? ""} maxLength={8000} />
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="font-semibold">Actualisation du budget prévisionnel (laisser vide : prévu initial)</legend>
        {bilan.budget.rows.map((r) => (
          <Field key={r.id} label={`${r.label} — prévu actualisé (€)`} name={`line-${r.id}`} inputMode="decimal" defaultValue={toEuros(r.updatedForecastCents)} error={errors[`line-${r.id}`]} />
        ))}
      </fieldset>
      <div><Button type="submit" disabled={pending}>Enregistrer le bilan intermédiaire</Button></div>
    </form>
  );
}
