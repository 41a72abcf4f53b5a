// The person's timeline: every dated activity (notes, proposals, events, diagnostics), newest
// first. These are the very sources lastContactAt is derived from.
import { formatDate } from "@/lib/format";
import type { JobSeekerActivity } from "@/lib/job-seekers/job-seeker.query";
import { LABELS } from "@/lib/job-seekers/job-seeker.schema";
import { PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS } from "@/lib/proposals/proposal.rules";

interface Entry {
  key: string;
  at: Date;
  kind: string;
  text: string;
}

function entries(a: JobSeekerActivity): Entry[] {
  const list: Entry[] = [
    ...a.interactions.map((i) => ({ key: `i-${i.id}`, at: i.at, kind: LABELS.interaction[i.kind], text: i.summary ?? "" })),
    ...a.proposals.map((p) => ({
      key: `p-${p.id}`,
      at: p.statusChangedAt,
      kind: `Positionnement (${PROPOSAL_KIND_LABELS[p.kind]})`,
      text: `${p.offer ? `${p.offer.title} — ${p.offer.company.name}` : (p.label ?? "")} : ${PROPOSAL_STATUS_LABELS[p.status]}`,
    })),
    ...a.events.map((e) => ({ key: `e-${e.event.id}`, at: e.event.date, kind: "Événement circuit court", text: `${e.event.title} (${e.attended ? "présent·e" : "absent·e"})` })),
    ...a.diagnostics.map((d) => ({ key: `d-${d.id}`, at: d.date, kind: "Diagnostic mobilité", text: `${d.diagnosticDone ? "Diagnostic réalisé" : "Diagnostic non réalisé"}${d.accompanimentDone ? ", accompagnement réalisé" : ""}` })),
  ];
  return list.sort((x, y) => y.at.getTime() - x.at.getTime());
}

export function Timeline({ activity }: { activity: JobSeekerActivity }) {
  const list = entries(activity);
  if (list.length === 0) return <p className="text-sm text-muted">Aucun échange enregistré pour le moment.</p>;
  return (
    <ol className="flex flex-col gap-2 border-l-2 border-gray-300 pl-4" aria-label="Historique des contacts">
      {list.map((e) => (
        <li key={e.key} className="text-sm">
          <p>
            <time dateTime={e.at.toISOString()} className="font-semibold">{formatDate(e.at)}</time> · <span className="font-medium">{e.kind}</span>
          </p>
          <p className="text-gray-800">{e.text}</p>
        </li>
      ))}
    </ol>
  );
}
