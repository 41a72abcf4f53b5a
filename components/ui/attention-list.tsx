// « À traiter » lists of the home pages: one line per thing that needs someone, each a link to
// where it is dealt with, its urgency in words and icon (not colour alone). Empty: says so.
import Link from "next/link";
import { ToneText, type Tone } from "@/components/ui/tone-text";

export interface AttentionItem {
  id: string;
  label: string;
  href: string;
  /** Short urgency text: « en retard de 3 jours », « échéance le 12/12/2026 ». */
  detail?: string;
  tone?: Tone;
}

export function AttentionList({ title, items, empty, testId }: { title: string; items: readonly AttentionItem[]; empty: string; testId?: string }) {
  const id = `att-${title.replace(/[^a-z]/gi, "").toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="flex flex-col gap-2 rounded-lg border border-gray-300 bg-white p-4" data-testid={testId}>
      <h2 id={id} className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-muted">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-muted">{empty}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-gray-200">
          {items.map((i) => (
            <li key={i.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2 text-sm">
              <Link href={i.href} className="font-medium text-brand-700 underline">{i.label}</Link>
              {i.detail ? <ToneText tone={i.tone ?? "neutral"}>{i.detail}</ToneText> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
