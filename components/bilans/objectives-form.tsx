"use client";
// The year's objectives of a platform's financial convention: one target per indicator (empty =
// no objective). Saved through a server action; a concurrent change answers with a conflict message.
// A signed Région convention's indicators change only under an amendment recorded on its file: the
// form then asks which one (`amendments`), or says that none is recorded yet.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { saveObjectivesAction } from "@/app/(app)/bilans/actions";
import { toJsonFormData } from "@/components/forms/server-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/card";
import { controlClass, SelectField } from "@/components/ui/field";
import { stackClass, TableScroll } from "@/components/ui/table";

export interface ObjectiveFormRow {
  key: string;
  label: string;
  unit: string;
  family: string;
  target: number | null;
  version: number | null;
}

export function ObjectivesForm({ platformId, year, rows, amendments = null }: {
  platformId: string; year: number; rows: ObjectiveFormRow[];
  /** The amendments of the signed convention a change must cite; null when none is needed. */
  amendments?: { id: string; label: string }[] | null;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  // The chosen amendment, spelled out under the select: on a phone the select cuts its label.
  const [amendmentId, setAmendmentId] = useState(amendments?.length === 1 ? amendments[0]!.id : "");
  const chosen = amendments?.find((a) => a.id === amendmentId);
  // The saved targets' versions: after a save the refreshed rows bring new ones and the inputs start
  // again from the saved targets (keyed on them), while the form, and its confirmation, stay mounted
  // (a `key` on the versions around the whole form remounted it and the message vanished).
  const saved = rows.map((r) => `${r.key}:${r.version ?? 0}`).join(".");

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const targets: Record<string, number | string | null> = {};
    const versions: Record<string, number> = {};
    for (const r of rows) {
      const raw = String(fd.get(`target-${r.key}`) ?? "").trim();
      if (raw === "" && r.target === null) continue;
      targets[r.key] = raw === "" ? null : raw;
      if (r.version !== null) versions[r.key] = r.version;
    }
    const amendmentEventId = amendments ? String(fd.get("amendmentEventId") ?? "") || undefined : undefined;
    setPending(true);
    const res = await saveObjectivesAction(null, toJsonFormData({ platformId, year, targets, versions, amendmentEventId }));
    setPending(false);
    if (res.ok) {
      setErrors({});
      setMessage({ ok: true, text: res.data.saved === 0 ? "Aucun changement." : `Objectifs enregistrés (${res.data.saved} modifié${res.data.saved > 1 ? "s" : ""}).` });
      router.refresh();
    } else {
      const fieldErrors: Record<string, string> = {};
      for (const [f, m] of Object.entries(res.fields ?? {})) {
        if (f.startsWith("targets.") && m[0]) fieldErrors[f.slice("targets.".length)] = m[0];
        if (f === "amendmentEventId" && m[0]) fieldErrors.amendmentEventId = m[0];
      }
      setErrors(fieldErrors);
      setMessage({ ok: false, text: res.message });
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" aria-describedby="objectives-help" noValidate>
      <p id="objectives-help" className="text-sm text-muted">Laissez vide un indicateur sans objectif. Les cibles sont des nombres entiers sur l&apos;année civile {year}.</p>
      {amendments ? (
        <Notice data-testid="objectives-amendment">
          <p className="mb-2 text-sm">La convention {year} est signée : ses indicateurs et leurs cibles ne changent que par un avenant, enregistré sur le dossier de subvention par la finance de la Région.</p>
          {amendments.length === 0 ? (
            <p className="text-sm font-semibold">Aucun avenant n&apos;est encore enregistré sur le dossier : les cibles ne peuvent pas être modifiées pour l&apos;instant.</p>
          ) : (
            <SelectField label="Avenant qui fait ce changement" name="amendmentEventId" required options={amendments.map((a) => ({ value: a.id, label: a.label }))}
              placeholder="— Choisir l'avenant —" value={amendmentId} onChange={(e) => setAmendmentId(e.target.value)} error={errors.amendmentEventId}
              hint={chosen ? `Avenant choisi : ${chosen.label}` : undefined} />
          )}
        </Notice>
      ) : null}
      <TableScroll key={saved} label={`Objectifs ${year}`}>
      {/* Below 640 px each indicator is a card (kit: stackClass): the target input never sits off-screen. */}
      <table className={`min-w-full text-sm ${stackClass}`}>
        <caption className="sr-only">Objectifs {year}</caption>
        <thead><tr><th scope="col" className="px-2 py-1 text-left">Famille</th><th scope="col" className="px-2 py-1 text-left">Indicateur</th><th scope="col" className="px-2 py-1 text-left">Cible annuelle</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-t border-gray-200">
              <td className="px-2 py-1" data-label="Famille">{r.family}</td>
              <td className="px-2 py-1" data-label="Indicateur"><label htmlFor={`target-${r.key}`} className="max-sm:font-semibold">{r.label}</label></td>
              <td className="px-2 py-1" data-label="Cible annuelle">
                <div>
                <input id={`target-${r.key}`} name={`target-${r.key}`} type="number" min={0} step={1} inputMode="numeric" defaultValue={r.target ?? ""}
                  aria-invalid={errors[r.key] ? true : undefined} aria-describedby={errors[r.key] ? `unit-${r.key} err-${r.key}` : `unit-${r.key}`}
                  className={controlClass(errors[r.key], "w-28", "sm")} />{" "}
                {/* The unit is read with the input, and never broken over two lines beside it. */}
                <span id={`unit-${r.key}`} className="whitespace-nowrap text-muted">{r.unit}</span>
                {errors[r.key] ? <span id={`err-${r.key}`} className="block text-danger">{errors[r.key]}</span> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
      {/* The outcome beside the button the user just pressed (the form is taller than a screen); both
          live regions are in the page from the start, so that their new text is announced. */}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <Button type="submit" disabled={pending || amendments?.length === 0}>{pending ? "Enregistrement…" : "Enregistrer les objectifs"}</Button>
        <p role="status" className="text-success">{message?.ok ? message.text : ""}</p>
        <p role="alert" className="text-danger">{message && !message.ok ? message.text : ""}</p>
      </div>
    </form>
  );
}
