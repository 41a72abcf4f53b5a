"use client";
// The steps of a request and the actions that carry out the right exercised. Destructive ones ask
// for confirmation first; every action is audited on the server.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { SubjectPicker } from "@/components/rights/rights-request-form";
import { FormAlert, sendJson } from "@/components/ui/api-form";
import { AnchorButton, Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/form-sections";
import { Icon } from "@/components/ui/icons";
import type { RightsRequestDto, SubjectType } from "@/lib/rights/rights.schema";

/** The link action for the kind of person picked. */
function linkBody(m: { type: SubjectType; id: string }): Record<string, string> {
  if (m.type === "COMPANY_CONTACT") return { action: "linkContact", companyContactId: m.id };
  if (m.type === "CHEF_DE_FILE") return { action: "linkChefDeFile", chefDeFileId: m.id };
  return { action: "link", jobSeekerId: m.id };
}

export function RightsActions({ r }: { r: RightsRequestDto }) {
  const router = useRouter();
  const [outcome, setOutcome] = useState<{ status: number; message: string } | null>(null);
  const [pending, setPending] = useState(false);
  const [response, setResponse] = useState("");
  const [confirmErase, setConfirmErase] = useState(false);
  const closed = r.status === "ANSWERED" || r.status === "REJECTED";
  const seeker = r.jobSeeker && r.jobSeeker.lifecycle !== "DESTROYED" ? r.jobSeeker : null;
  const other = r.otherSubject && r.otherSubject.lifecycle !== "DESTROYED" ? r.otherSubject : null;

  const act = async (body: Record<string, unknown>) => {
    setPending(true);
    setOutcome(null);
    const res = await sendJson<RightsRequestDto>(`/api/v1/rights-requests/${r.id}/actions`, "POST", body);
    setPending(false);
    if (!res.ok) return setOutcome(res);
    setConfirmErase(false);
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      {!seeker && !other && !closed ? (
        <SubjectPicker value={null} onChange={(m) => (m ? void act(linkBody(m)) : undefined)} />
      ) : null}

      {seeker ? (
        <div className="flex flex-wrap gap-2">
          {r.kind === "ACCESS" || r.kind === "PORTABILITY" || r.kind === "RECTIFICATION" ? (
            <AnchorButton href={`/api/v1/rights-requests/${r.id}/export?format=html`} target="_blank" rel="noopener">
              Document des données détenues (imprimable)
            </AnchorButton>
          ) : null}
          {r.kind === "PORTABILITY" || r.kind === "ACCESS" ? (
            <>
              <AnchorButton variant="secondary" href={`/api/v1/rights-requests/${r.id}/export?format=json`}>Télécharger en JSON</AnchorButton>
              <AnchorButton variant="secondary" href={`/api/v1/rights-requests/${r.id}/export?format=csv`}>Télécharger en CSV</AnchorButton>
            </>
          ) : null}
          {(r.kind === "RESTRICTION" || r.kind === "OBJECTION") && !seeker.restricted && !closed ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => void act({ action: "restrict" })}>Limiter le traitement (geler la fiche)</Button>
          ) : null}
          {seeker.restricted ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => void act({ action: "unrestrict" })}>Lever la limitation</Button>
          ) : null}
        </div>
      ) : null}

      {!closed ? (
        <div className="flex flex-wrap gap-2">
          {!r.forwardedAt ? <Button type="button" variant="secondary" disabled={pending} onClick={() => void act({ action: "forward" })}>Marquer transmise au responsable</Button> : null}
          {!r.franceTravailForwardedAt ? <Button type="button" variant="secondary" disabled={pending} onClick={() => void act({ action: "forwardFranceTravail" })}>Transmettre au DPO de France Travail (courriel)</Button> : null}
          <Button type="button" variant="secondary" disabled={pending} onClick={() => void act({ action: "controllerOrder" })}>Enregistrer un ordre du responsable</Button>
          {r.controllerOrderAt && !r.executedAt ? <Button type="button" variant="secondary" disabled={pending} onClick={() => void act({ action: "execute" })}>Marquer l&apos;ordre exécuté</Button> : null}
        </div>
      ) : null}

      {(seeker || other) && (r.kind === "ERASURE" || r.kind === "OBJECTION") && !closed ? (
        <div className="flex flex-col gap-2 rounded border-2 border-danger p-3">
          <p className="text-sm"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />L&apos;effacement détruit définitivement l&apos;identité et les notes de la personne (comme la destruction à 24 mois). Il est irréversible.</p>
          {confirmErase ? (
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="danger" disabled={pending} onClick={() => void act({ action: "erase", confirm: true })}>Confirmer l&apos;effacement définitif</Button>
              <Button type="button" variant="secondary" onClick={() => setConfirmErase(false)}>Annuler</Button>
            </div>
          ) : (
            <div><Button type="button" variant="danger" onClick={() => setConfirmErase(true)}>Effacer les données de la personne…</Button></div>
          )}
        </div>
      ) : null}

      {!closed ? (
        <div className="flex max-w-2xl flex-col gap-2">
          <TextAreaField label="Réponse faite à la personne (ou motif du refus)" name="response" rows={3} value={response} onChange={(e) => setResponse(e.target.value)} />
          <div className="flex flex-wrap gap-2">
            <Button type="button" disabled={pending || !response.trim()} onClick={() => void act({ action: "answer", response })}>Clore : répondue</Button>
            <Button type="button" variant="secondary" disabled={pending || !response.trim()} onClick={() => void act({ action: "reject", response })}>Clore : refusée</Button>
          </div>
        </div>
      ) : null}
      <FormAlert outcome={outcome} />
    </div>
  );
}
