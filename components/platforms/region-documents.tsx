// Issue 17: the documents a platform owes the Région and where each stands (dates only), on the
// platform's page — where the referent's « documents en retard » lines lead. Server component.
import { Section } from "@/components/ui/card";
import { ToneText } from "@/components/ui/tone-text";
import { formatDate } from "@/lib/format";
import { daysText, documentLabel, type DocumentDeadline } from "@/lib/home/region-home.rules";

function status(d: DocumentDeadline) {
  if (d.state === "DONE") return <ToneText tone="good">transmis le {formatDate(d.receivedAt)}</ToneText>;
  if (d.state === "LATE") return <ToneText tone="bad">attendu le {formatDate(d.dueAt)}, {daysText(d.daysLeft)}</ToneText>;
  return <ToneText tone={d.state === "SOON" ? "warn" : "neutral"}>attendu le {formatDate(d.dueAt)} ({daysText(d.daysLeft)})</ToneText>;
}

export function RegionDocuments({ documents, unavailable }: { documents: readonly DocumentDeadline[]; unavailable: boolean }) {
  return (
    <Section id="documents-dus" data-testid="region-documents" title="Documents dus à la Région"
      description="Le compte rendu financier de chaque exercice, dans le délai qui suit sa clôture (convention cadre, art. 7.3). Dates seulement : le dossier de subvention est suivi par la direction des finances.">
      {unavailable ? (
        <p className="text-sm"><ToneText tone="warn">Aucun jeu de règles « délais » en vigueur : les échéances ne peuvent pas être calculées.</ToneText></p>
      ) : documents.length === 0 ? (
        <p className="text-sm text-muted">Aucun document attendu : pas de convention financière Région attribuée.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-gray-200 text-sm">
          {documents.map((d) => (
            <li key={`${d.kind}-${d.year}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span className="font-medium first-letter:uppercase">{documentLabel(d)}</span>
              {status(d)}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
