"use client";
// The job-seeker form, in the sections of annex 1 art. 2. Validated in the browser with the same
// zod schema as the server, then sent to the server action (which validates again).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useEffect, useState } from "react";
import { createJobSeekerAction, updateJobSeekerAction } from "@/app/(app)/demandeurs/actions";
import { JobSeekerFormSections } from "@/components/job-seekers/job-seeker-form-sections";
import { Button } from "@/components/ui/button";
import type { FieldErrors } from "@/lib/errors";
import type { JobSeekerDetail } from "@/lib/job-seekers/job-seeker.dto";
import { DUPLICATE_REASON_LABELS } from "@/lib/job-seekers/job-seeker.rules";
import { createJobSeekerSchema, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { zodFieldErrors } from "@/lib/validation";
import { toast } from "@/components/ui/toast";

function flatten(form: HTMLFormElement): FormData {
  const raw = new FormData(form);
  const out = new FormData();
  for (const key of new Set(raw.keys())) out.set(key, raw.getAll(key).map(String).join(","));
  return out;
}

export function JobSeekerForm({ initial, referents }: { initial?: JobSeekerDetail; referents: { id: string; name: string }[] }) {
  const router = useRouter();
  const editing = Boolean(initial);
  const [createState, createAction, creating] = useActionState(createJobSeekerAction, null);
  const [updateState, updateAction, updating] = useActionState(updateJobSeekerAction, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // "Fusionner" in the duplicate warning: the record is saved, then the existing record's merge flow opens with it pre-selected.
  const [mergeTarget, setMergeTarget] = useState<string | null>(null);
  const state = editing ? updateState : createState;
  const pending = creating || updating;
  const fields = clientErrors ?? (state && !state.ok ? state.fields : undefined) ?? {};
  const duplicates = createState?.ok && createState.data.status === "DUPLICATES" ? createState.data.duplicates : null;

  const createdId = createState?.ok && createState.data.status === "CREATED" ? createState.data.id : null;
  const updated = Boolean(updateState?.ok);
  useEffect(() => {
    if (createdId && mergeTarget) router.push(`/demandeurs/${mergeTarget}?fusionner=${createdId}#doublons`);
    else if (createdId) {
      toast({ message: "Demandeur d'emploi enregistré.", href: `/demandeurs/${createdId}`, linkLabel: "Voir la fiche" });
      router.push(`/demandeurs/${createdId}`);
    } else if (updated && initial) {
      toast({ message: "Fiche enregistrée.", href: `/demandeurs/${initial.id}`, linkLabel: "Voir la fiche" });
      router.push(`/demandeurs/${initial.id}`);
    }
  }, [createdId, mergeTarget, updated, initial, router]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = flatten(e.currentTarget);
    const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const merging = submitter?.name === "mergeInto" ? submitter.value : null;
    setMergeTarget(merging);
    if (merging) data.set("confirmNotDuplicate", "true");
    const schema = editing ? updateJobSeekerSchema : createJobSeekerSchema;
    const parsed = schema.safeParse(Object.fromEntries(data));
    if (!parsed.success) {
      setClientErrors(zodFieldErrors(parsed.error));
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
      return;
    }
    setClientErrors(null);
    startTransition(() => (editing ? updateAction(data) : createAction(data)));
  }

  const errorCount = Object.keys(fields).length;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-describedby="form-status">
      {initial ? (
        <>
          <input type="hidden" name="id" value={initial.id} />
          <input type="hidden" name="version" value={initial.version} />
        </>
      ) : null}
      <div id="form-status" aria-live="polite">
        {errorCount > 0 ? (
          <p className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
            {state && !state.ok && !clientErrors ? state.message : `Le formulaire contient ${errorCount} erreur${errorCount > 1 ? "s" : ""} : corrigez les champs signalés.`}
          </p>
        ) : state && !state.ok ? (
          <p className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">{state.message}</p>
        ) : null}
      </div>
      {duplicates ? (
        <section aria-labelledby="dup-title" className="flex flex-col gap-2 rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <h2 id="dup-title" className="text-lg font-semibold">Cette personne existe probablement déjà</h2>
          <ul className="flex list-disc flex-col gap-2 pl-6 text-sm">
            {duplicates.map((d) => (
              <li key={d.id}>
                <Link href={`/demandeurs/${d.id}`} className="font-semibold underline">
                  {d.lastName} {d.firstName}
                </Link>{" "}
                {d.birthDate ? `né·e le ${new Date(d.birthDate).toLocaleDateString("fr-FR")}` : ""} {d.city ? `— ${d.city}` : ""} ({d.reasons.map((r) => DUPLICATE_REASON_LABELS[r]).join(", ")}){" "}
                <Button type="submit" name="mergeInto" value={d.id} variant="secondary" disabled={pending}>
                  Fusionner<span className="sr-only"> avec la fiche de {d.lastName} {d.firstName}</span>
                </Button>
              </li>
            ))}
          </ul>
          <p className="text-sm">Ouvrez la fiche existante pour la compléter, fusionnez (la saisie est enregistrée puis vous confirmez sa fusion dans la fiche existante), ou confirmez qu&apos;il s&apos;agit d&apos;une autre personne.</p>
          <label className="inline-flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="confirmNotDuplicate" value="true" className="h-4 w-4" />
            Je confirme qu&apos;il s&apos;agit d&apos;une autre personne
          </label>
        </section>
      ) : null}
      <JobSeekerFormSections initial={initial} referents={referents} errors={fields} />
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{editing ? "Enregistrer les modifications" : "Enregistrer le demandeur"}</Button>
        <Link href={initial ? `/demandeurs/${initial.id}` : "/demandeurs"} className="rounded border border-gray-400 px-4 py-2 text-sm">Annuler</Link>
      </div>
    </form>
  );
}
