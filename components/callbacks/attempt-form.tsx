"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { localInputToIso } from "@/components/ui/datetime-local";
import { applyFieldErrors, FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-fields";
import { ATTEMPT_OUTCOME_LABELS, ATTEMPT_OUTCOMES } from "@/lib/callbacks/callback.rules";
import { attemptFormSchema, type AttemptFormInput } from "@/lib/callbacks/callback.schema";
import { Icon } from "@/components/ui/icons";
import { Card, cardBox } from "@/components/ui/card";

/**
 * Stays mounted once the callback is closed (`open` false) so that the confirmation of the call
 * that closed it is still announced to screen-reader users.
 */
export function AttemptForm({ callbackId, version, attemptsLeft, open }: { callbackId: string; version: number; attemptsLeft: number; open: boolean }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { register, handleSubmit, control, setError, reset, formState: { errors, isSubmitting } } = useForm<AttemptFormInput>({
    resolver: zodResolver(attemptFormSchema),
    defaultValues: { note: "", qualifiedNeed: "", at: "" },
  });
  const outcome = useWatch({ control, name: "outcome" });

  async function onSubmit(values: AttemptFormInput) {
    setAlert(null);
    setDone(null);
    const res = await sendJson<{ status: string }>(`/api/v1/callbacks/${callbackId}/attempts`, "POST", { ...values, at: localInputToIso(values.at || undefined), version });
    if (!res.ok) {
      applyFieldErrors(res.fields, setError, ["outcome", "at", "note", "qualifiedNeed"]);
      setAlert(res);
      return;
    }
    reset();
    setDone("Tentative enregistrée.");
    router.refresh();
  }

  if (!open) {
    return (
      <Card as="section" aria-labelledby="attempt-title">
        <h2 id="attempt-title" className="text-lg font-semibold">Appels</h2>
        <p aria-live="polite" className="text-sm">
          {done ? <span className="font-semibold text-success">{done} </span> : null}
          Ce rappel est clos : aucun appel ne peut plus y être consigné. Si l&apos;entreprise rappelle le numéro vert, créez un nouveau rappel.
        </p>
      </Card>
    );
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate aria-labelledby="attempt-title" className={cardBox("md", "flex flex-col gap-4")}>
      <h2 id="attempt-title" className="text-lg font-semibold">Consigner un appel</h2>
      <p className="text-sm text-muted">
        {attemptsLeft > 1 ? `Encore ${attemptsLeft} appels manqués possibles avant de déclarer l'entreprise injoignable.` : "Dernière tentative : un nouvel appel manqué rendra l'entreprise injoignable."}
      </p>
      <FormAlert outcome={alert} id="attempt-alert" />
      <fieldset aria-describedby={errors.outcome ? "outcome-error" : undefined} className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Résultat de l&apos;appel</legend>
        {ATTEMPT_OUTCOMES.map((o) => (
          <label key={o} className="flex items-center gap-2">
            <input type="radio" value={o} {...register("outcome")} />
            {ATTEMPT_OUTCOME_LABELS[o]}
          </label>
        ))}
        {errors.outcome ? (
          <p id="outcome-error" className="text-sm text-danger">
            <Icon name="alert" className="mr-1 inline-block align-[-2px]" />
            {errors.outcome.message}
          </p>
        ) : null}
      </fieldset>
      {outcome === "BESOIN_QUALIFIE" ? (
        <TextAreaField label="Besoin qualifié" hint="Recrutement, formation, GPEC… ce que l'entreprise attend de la plateforme." error={errors.qualifiedNeed?.message} {...register("qualifiedNeed")} />
      ) : null}
      <Field label="Note (facultatif)" autoComplete="off" error={errors.note?.message} {...register("note")} />
      <Field label="Date et heure de l'appel (facultatif)" hint="Laisser vide pour maintenant." type="datetime-local" error={errors.at?.message} {...register("at")} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : "Enregistrer l'appel"}
        </Button>
        <p aria-live="polite" className="text-sm text-success">
          {done}
        </p>
      </div>
    </form>
  );
}
