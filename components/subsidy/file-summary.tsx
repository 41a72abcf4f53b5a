// Summary header of a subsidy file: who funds, the status and its next step (who acts), the
// amounts (award, paid, left to pay) and the next deadline, read before any form.
import { StatCard } from "@/components/ui/stat-card";
import { formatCents, formatDate } from "@/lib/format";
import type { SubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { nextStep, nextTrancheDeadline } from "@/lib/subsidy/subsidy-summary.rules";

export function FileSummary({ file, funderName }: { file: SubsidyFileDetail; funderName: string }) {
  const step = nextStep(file.status, file.funder, {
    annualRequest: file.annualRequest ? { missing: file.annualRequest.checklist.filter((i) => !i.met).map((i) => i.label) } : null,
    activityBilan: { required: file.activityBilan.required, missing: file.activityBilan.missing },
  });
  const award = file.awardedCents ?? null;
  const left = award === null ? null : Math.max(0, award - file.paidCents);
  const deadline = nextTrancheDeadline(file.tranches);
  return (
    <section aria-labelledby="summary-title" className="flex flex-col gap-3" data-testid="file-summary">
      <h2 id="summary-title" className="sr-only">Synthèse du dossier</h2>
      <p className="text-sm">
        <span className="font-medium">Financeur :</span> {funderName} · <span className="font-medium">Année :</span> {file.year} · <span className="font-medium">Statut :</span>{" "}
        <strong data-testid="file-status">{file.statusLabel}</strong>
        {file.deliberationNumber ? ` · délibération n° ${file.deliberationNumber} du ${formatDate(file.deliberationDate)}` : ""}
        {file.signedAt ? ` · convention signée le ${formatDate(file.signedAt)}` : ""}
      </p>
      <p className="rounded border border-brand-600 bg-brand-50 px-3 py-2 text-sm" data-testid="next-step">
        <span className="font-semibold">Prochaine étape :</span> {step.text}{step.who ? <> — <span className="font-semibold">à faire par {step.who}</span></> : null}.
        {step.anchor ? <> <a href={`#${step.anchor}`} className="text-brand-700 underline">{step.anchor === "demande" ? "Aller à la demande annuelle" : "Aller aux pièces et échéances"}</a></> : null}
        {step.then ? <span className="mt-1 block" data-testid="next-step-then">{step.then}.</span> : null}
      </p>
      <ul className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        <li><StatCard label="Montant attribué" value={award === null ? "—" : formatCents(award)}>{award === null ? <span className="text-muted">calculé : {formatCents(file.computation.grantCents)}</span> : null}</StatCard></li>
        <li><StatCard label="Déjà versé" value={formatCents(file.paidCents)} testId="summary-paid" /></li>
        <li><StatCard label="Reste à verser" value={left === null ? "—" : formatCents(left)} testId="summary-left" /></li>
        <li>
          <StatCard label="Prochaine échéance" value={deadline ? formatDate(deadline.dueAt) : "—"}>
            {deadline ? <span>{deadline.label}</span> : <span className="text-muted">aucune tranche en attente</span>}
          </StatCard>
        </li>
      </ul>
    </section>
  );
}
