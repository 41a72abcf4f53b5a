"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors, FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-fields";
import { GOVERNANCE_KIND_LABELS, GOVERNANCE_KINDS } from "@/lib/governance/governance.rules";
import { governanceInputSchema, type GovernanceMeetingDto } from "@/lib/governance/governance.schema";
import { toast } from "@/components/ui/toast";
import { cardBox } from "@/components/ui/card";

type FormIn = z.input<typeof governanceInputSchema>;
type FormOut = z.output<typeof governanceInputSchema>;

/** Record (no `meeting`) or edit a meeting (sending the version read for optimistic locking). */
export function GovernanceForm({ meeting, today }: { meeting?: GovernanceMeetingDto; today: string }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const { register, handleSubmit, setError, formState: { errors, isSubmitting } } = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(governanceInputSchema),
    defaultValues: { kind: meeting?.kind, date: meeting?.date.slice(0, 10) ?? today, attendees: meeting?.attendees.join("\n") ?? "", decisions: meeting?.decisions ?? "" },
  });

  async function onSubmit(values: FormOut) {
    setAlert(null);
    const res = meeting
      ? await sendJson<GovernanceMeetingDto>(`/api/v1/governance-meetings/${meeting.id}`, "PATCH", { ...values, version: meeting.version })
      : await sendJson<GovernanceMeetingDto>("/api/v1/governance-meetings", "POST", values);
    if (!res.ok) {
      applyFieldErrors(res.fields, setError, ["kind", "date", "attendees", "decisions"]);
      setAlert(res);
      return;
    }
    toast({ message: "Réunion de gouvernance enregistrée.", href: `/gouvernance/${res.data.id}`, linkLabel: "Voir la réunion" });
    router.push("/gouvernance");
    router.refresh();
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className={cardBox("md", "flex max-w-2xl flex-col gap-4")}>
      <FormAlert outcome={alert} />
      <SelectField label="Instance" error={errors.kind?.message} {...register("kind")}>
        <option value="">— Choisir —</option>
        {GOVERNANCE_KINDS.map((k) => (
          <option key={k} value={k}>
            {GOVERNANCE_KIND_LABELS[k]}
          </option>
        ))}
      </SelectField>
      <Field label="Date de la réunion" type="date" error={errors.date?.message} {...register("date")} />
      <TextAreaField label="Participants" hint="Un participant par ligne (nom et qualité)." rows={5} error={errors.attendees?.message} {...register("attendees")} />
      <TextAreaField label="Décisions" rows={5} error={errors.decisions?.message} {...register("decisions")} />
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Enregistrement…" : meeting ? "Enregistrer les modifications" : "Enregistrer la réunion"}
        </Button>
      </div>
    </form>
  );
}
