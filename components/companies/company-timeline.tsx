import { TIMELINE_LABELS, type TimelineItem } from "@/lib/companies/timeline.rules";
import { formatDate } from "@/lib/format";
import { TextLink } from "@/components/ui/text-link";

export function CompanyTimeline({ items }: { items: TimelineItem[] }) {
  if (items.length === 0) return <p className="text-sm text-muted">Aucune interaction enregistrée pour l&apos;instant.</p>;
  return (
    <ol className="flex flex-col gap-0 border-l-2 border-brand-100 pl-4">
      {items.map((i) => (
        <li key={`${i.kind}-${i.id}`} className="relative pb-4">
          <span aria-hidden="true" className="absolute -left-[23px] top-1.5 h-3 w-3 rounded-full border-2 border-brand-600 bg-white" />
          <p className="text-xs text-muted">
            <time dateTime={i.at.toISOString()}>{formatDate(i.at)}</time> · <span className="font-semibold">{TIMELINE_LABELS[i.kind]}</span>
          </p>
          <p className="text-sm font-medium">{i.href ? <TextLink href={i.href}>{i.title}</TextLink> : i.title}</p>
          {i.detail ? <p className="text-sm text-muted">{i.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}
