import type { ReactNode } from "react";
import type { Metadata } from "next";
import { ConvertCompanyForm, ConvertPersonForm, DiscardIntakeForm } from "@/components/intake/intake-actions";
import { cardBox, Section } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { loadOrNull } from "@/lib/api/params";
import { orNotFound, requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { PREFERRED_SLOT_LABELS } from "@/lib/intake/intake.schema";
import { getIntakeRequest, INTAKE_KIND_LABELS, INTAKE_STATUS_LABELS } from "@/lib/intake/intake-staff.service";

export const metadata: Metadata = { title: "Demande reçue en ligne" };

/** Issue 23: one public intake request, for the staff of the platform it was routed to. */
export default async function IntakeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("intake.read");
  const { id } = await params;
  const r = orNotFound(await loadOrNull(id, (i) => getIntakeRequest(db, user, i)));
  const open = r.status === "A_TRAITER" && can(user, "intake.write");
  const rows: [string, ReactNode][] = [
    ["Type", INTAKE_KIND_LABELS[r.kind]],
    ["Statut", <span key="s" data-testid="intake-status">{INTAKE_STATUS_LABELS[r.status]}</span>],
    ["Reçue le", formatDateTime(r.submittedAt)],
    ["Commune", `${r.communeName} (${r.communeInsee})`],
  ];
  if (r.kind === "ENTREPRISE") {
    rows.push(["Entreprise", r.companyId ? <TextLink key="c" href={`/entreprises/${r.companyId}`}>{r.companyName ?? "Fiche entreprise"}</TextLink> : "—"], ["SIRET", r.siret ?? "—"]);
    if (r.callbackId) rows.push(["Rappel", <TextLink key="cb" href={`/rappels/${r.callbackId}`}>Ouvrir le rappel (formulaire en ligne)</TextLink>]);
  }
  if (r.status === "A_TRAITER") {
    rows.push(
      ["Nom", [r.firstName, r.lastName].filter(Boolean).join(" ") || "—"],
      ...(r.kind === "ENTREPRISE" ? ([["Fonction", r.role ?? "—"]] as [string, string][]) : []),
      ["Téléphone", r.phone ? <a key="t" className="text-brand-700 underline" href={`tel:${r.phone.replace(/\s/g, "")}`}>{r.phone}</a> : "—"],
      ["E-mail", r.email ?? "—"],
      [r.kind === "ENTREPRISE" ? "Besoin" : "Recherche", <span key="n" className="whitespace-pre-line">{r.need ?? "—"}</span>],
      ["Rappel souhaité", r.preferredSlot ? PREFERRED_SLOT_LABELS[r.preferredSlot] : "—"],
    );
  } else {
    rows.push(["Traitée le", r.processedAt ? formatDateTime(r.processedAt) : "—"], ["Données personnelles", "Effacées de la demande"]);
  }
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm"><TextLink href="/">Ma journée</TextLink></p>
        <PageTitle>{r.kind === "ENTREPRISE" ? `Demande en ligne : ${r.companyName ?? "entreprise"}` : "Demande en ligne d'une personne"}</PageTitle>
      </div>
      <dl className={cardBox("md", "grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]")}>
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {open ? (
        <>
          <Section title={r.kind === "ENTREPRISE" ? "Enregistrer le contact" : "Enregistrer la personne (premier appel)"}>
            {r.kind === "ENTREPRISE" ? <ConvertCompanyForm id={r.id} version={r.version} /> : <ConvertPersonForm id={r.id} version={r.version} />}
          </Section>
          <DiscardIntakeForm id={r.id} version={r.version} />
        </>
      ) : null}
      {r.jobSeekerId ? <p><TextLink href={`/demandeurs/${r.jobSeekerId}`}>Voir la fiche demandeur créée</TextLink></p> : null}
    </div>
  );
}
