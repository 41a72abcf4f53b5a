"use client";
// France Travail convention art. 5: « indicateurs mentionnés par le porteur de projet dans sa
// présentation du projet » — this convention's own list, with targets and the bilans' results.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormAlert, sendJson } from "@/components/ui/api-form";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { TableScroll, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { FtIndicatorDto } from "@/lib/france-travail/ft-bilan.schema";

/** "12,5" → 12.5; "" → null; anything else → undefined (refused). */
function figure(raw: FormDataEntryValue | null): number | null | undefined {
  const s = String(raw ?? "").trim().replace(/\s/g, "").replace(",", ".");
  if (s === "") return null;
  return /^\d+(\.\d{1,2})?$/.test(s) ? Number(s) : undefined;
}

export function FtIndicatorsEditor({ fileId, items, canWrite }: { fileId: string; items: FtIndicatorDto[]; canWrite: boolean }) {
  const router = useRouter();
  const [alert, setAlert] = useState<{ status: number; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const base = `/api/v1/subsidy-files/${fileId}/ft-indicators`;

  async function run(call: Promise<{ ok: boolean; status?: number; message?: string }>, done: string) {
    setPending(true);
    const res = await call;
    setPending(false);
    if (!res.ok) {
      setAlert({ status: res.status ?? 0, message: res.message ?? "Erreur inattendue." });
      return false;
    }
    setAlert(null);
    toast({ message: done });
    router.refresh();
    return true;
  }

  async function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const target = figure(fd.get("target"));
    if (target === undefined) return setAlert({ status: 400, message: "Cible : un nombre positif, deux décimales au plus." });
    const ok = await run(sendJson(base, "POST", { label: String(fd.get("label") ?? ""), unit: String(fd.get("unit") ?? ""), target }), "Indicateur ajouté.");
    if (ok) form.reset();
  }

  async function onResults(e: FormEvent<HTMLFormElement>, i: FtIndicatorDto) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const intermediateValue = figure(fd.get("intermediateValue"));
    const finalValue = figure(fd.get("finalValue"));
    if (intermediateValue === undefined || finalValue === undefined) return setAlert({ status: 400, message: "Résultats : des nombres positifs, deux décimales au plus." });
    await run(sendJson(`${base}/${i.id}`, "PATCH", { version: i.version, intermediateValue, finalValue }), "Résultats enregistrés.");
  }

  return (
    <Section title="Indicateurs mentionnés par le porteur (article 5)" description="Propres à cette convention ; repris dans le fichier mensuel et dans les deux bilans." data-testid="ft-indicators">
      <FormAlert outcome={alert} id="ft-indicators-alert" />
      {items.length === 0 ? <p>Aucun indicateur propre à cette convention.</p> : (
        <TableScroll label="Indicateurs du porteur">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Indicateurs du porteur, cibles et résultats</caption>
            <thead><tr><Th scope="col">Indicateur</Th><Th scope="col" numeric>Cible</Th><Th scope="col">Résultats (intermédiaire, final)</Th>{canWrite ? <Th scope="col">Retirer</Th> : null}</tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={`${i.id}-${i.version}`} className="border-t align-top">
                  <Th scope="row" className="font-normal">{i.label}{i.unit ? ` (${i.unit})` : ""}</Th>
                  <Td numeric>{i.target ?? "—"}</Td>
                  <Td>
                    {canWrite ? (
                      <form onSubmit={(e) => onResults(e, i)} className="flex flex-wrap items-end gap-2" aria-label={`Résultats de ${i.label}`}>
                        <Field label="Intermédiaire" name="intermediateValue" id={`ftind-int-${i.id}`} inputMode="decimal" defaultValue={i.intermediateValue ?? ""} />
                        <Field label="Final" name="finalValue" id={`ftind-fin-${i.id}`} inputMode="decimal" defaultValue={i.finalValue ?? ""} />
                        <Button type="submit" size="sm" variant="secondary" disabled={pending}>Enregistrer</Button>
                      </form>
                    ) : `${i.intermediateValue ?? "—"} ; ${i.finalValue ?? "—"}`}
                  </Td>
                  {canWrite ? (
                    <Td><Button size="sm" variant="ghost" disabled={pending} onClick={() => window.confirm(`Retirer l'indicateur « ${i.label} » ?`) && void run(sendJson(`${base}/${i.id}`, "DELETE"), "Indicateur retiré.")}>Retirer<span className="sr-only"> {i.label}</span></Button></Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {canWrite ? (
        <form onSubmit={onAdd} noValidate className="grid gap-3 sm:grid-cols-4" aria-label="Ajouter un indicateur du porteur">
          <Field label="Libellé" name="label" id="ftind-label" required maxLength={200} wrapperClassName="sm:col-span-2" />
          <Field label="Unité" name="unit" id="ftind-unit" maxLength={40} />
          <Field label="Cible" name="target" id="ftind-target" inputMode="decimal" />
          <div className="sm:col-span-4"><Button type="submit" disabled={pending}>Ajouter l&apos;indicateur</Button></div>
        </form>
      ) : null}
    </Section>
  );
}
