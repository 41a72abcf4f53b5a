// Read-only view of a job-seeker record, in the same sections as the form.
import type { ReactNode } from "react";
import { formatDate } from "@/lib/format";
import type { JobSeekerDetail } from "@/lib/job-seekers/job-seeker.dto";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { CONTRACT_LABELS } from "@/lib/proposals/proposal.rules";
import { Card } from "@/components/ui/card";

const yesNo = (b: boolean | null) => (b === true ? "Oui" : b === false ? "Non" : "—");
const text = (s: string | null | undefined) => (s && s.length > 0 ? s : "—");

function Section({ title, rows }: { title: string; rows: [string, ReactNode][] }) {
  return (
    <Card as="section">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-gray-700">{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** `rome`: « code — libellé » of the desired ROME codes; `commune`: « Liévin (62800) » for the INSEE code. */
/** `mobility`: the perimeter's places in words (« Liévin (62800) », « Pas-de-Calais (62) »), in the order of `p.mobilityCodes`. */
export function JobSeekerRecord({ p, rome, commune, mobility }: { p: JobSeekerDetail; rome: Record<string, string>; commune: string | null; mobility: string[] }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Section title="Identité et coordonnées" rows={[
        ["Civilité", p.civility ? LABELS.civility[p.civility] : "—"],
        ["Date de naissance", formatDate(p.birthDate)],
        ["Identifiant France Travail", text(p.franceTravailId)],
        ["Adresse", text(p.addressLine)],
        ["Commune", commune ?? ([p.postalCode, p.city].filter(Boolean).join(" ") || "—")],
        ["Téléphone", text(p.phone)],
        ["E-mail", text(p.email)],
      ]} />
      <Section title="Mobilité et besoins" rows={[
        ["Transports", p.transportModes.map((t) => LABELS.transport[t]).join(", ") || "—"],
        ["Trajet maximum", p.maxTravelMinutes !== null ? `${p.maxTravelMinutes} min` : "—"],
        ["Périmètre", p.mobilityScope ? `${LABELS.scope[p.mobilityScope]}${mobility.length ? ` : ${mobility.join(", ")}` : ""}` : "—"],
        ["Besoins d'accompagnement", [...p.supportNeeds.map((s) => LABELS.support[s]), p.supportNeedsOther].filter(Boolean).join(", ") || "—"],
      ]} />
      <Section title="Formation et compétences" rows={[
        ["Dernière classe", text(p.lastClassAttended)],
        ["Diplômes obtenus", text(p.diplomasObtained)],
        ["Diplômes préparés", text(p.diplomasInProgress)],
        ["Formation", p.trainingType ? `${p.trainingType}${p.trainingStartDate ? ` (début ${formatDate(p.trainingStartDate)})` : ""}` : "—"],
        ["Langues", text(p.skillLanguages)],
        ["Habilitations", text(p.skillCertifications)],
        ["Permis", text(p.skillProfessionalLicences)],
        ["Informatique", text(p.skillIt)],
      ]} />
      <Section title="Situation, projet et statuts" rows={[
        ["Situation à la demande", p.employmentSituation ? LABELS.situation[p.employmentSituation] : "—"],
        ["En activité", yesNo(p.inActivity)],
        ["Sans emploi depuis", p.monthsWithoutEmployment !== null ? `${p.monthsWithoutEmployment} mois` : "—"],
        ["Contrat", p.contractType ? CONTRACT_LABELS[p.contractType] : "—"],
        ["Souhaite changer", yesNo(p.wantsChange)],
        ["Situation lors du suivi", text(p.situationDuringFollowUp)],
        ["Emploi recherché", text(p.desiredJobLabel)],
        ["Métiers recherchés (ROME)", p.desiredRomeCodes.length > 0 ? (
          <ul>
            {p.desiredRomeCodes.map((c) => <li key={c}>{rome[c] ?? c}</li>)}
          </ul>
        ) : "—"],
        ["Expériences", text(p.experiences)],
        ["CSP / RSA / RQTH / indemnisé·e", `${yesNo(p.csp)} / ${yesNo(p.rsa)} / ${yesNo(p.rqth)} / ${yesNo(p.indemnise)}`],
        ["Atouts et freins", text(p.strengthsAndObstacles)],
      ]} />
    </div>
  );
}
