import Link from "next/link";
import type { ReactNode } from "react";
import { UrgencyBadge } from "@/components/callbacks/urgency-badge";
import { NewVisitLink } from "@/components/visits/new-visit-link";
import { formatDate, formatDateTime } from "@/lib/format";
import type { MyDay } from "@/lib/home/my-day.service";
import { formatVisitWhen } from "@/lib/visits/visit.rules";
import { Icon } from "@/components/ui/icons";
import { PREFERRED_SLOT_LABELS, type PreferredSlot } from "@/lib/intake/intake.schema";
import { Card } from "@/components/ui/card";

function DayList({ id, title, total, more, empty, children }: { id: string; title: string; total: number; more?: { href: string; label: string }; empty: string; children: ReactNode[] }) {
  return (
    <Card as="section" aria-labelledby={`${id}-title`} className="flex flex-col gap-2" data-testid={id}>
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title} <span className="text-base font-normal text-muted">({total})</span>
      </h2>
      {children.length === 0 ? <p className="text-muted">{empty}</p> : <ul className="flex flex-col divide-y divide-gray-200">{children}</ul>}
      {more && total > children.length ? (
        <Link href={more.href} className="text-sm text-brand-700 underline">
          {more.label}
        </Link>
      ) : null}
    </Card>
  );
}

/** The platform staff's first screen of the day, below the figure cards. */
export function MyDayPanel({ day, canLogVisit = false }: { day: MyDay; canLogVisit?: boolean }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-xl font-bold">Ma journée</h2>
        {canLogVisit ? <NewVisitLink /> : null}
      </div>
      {day.intake.total > 0 ? (
        <DayList id="day-intake" title="Demandes reçues en ligne" total={day.intake.total} empty="Aucune demande en ligne à traiter.">
          {day.intake.items.map((r) => (
            <li key={r.id} className="flex flex-col gap-1 py-2">
              <Link href={`/demandes-en-ligne/${r.id}`} className="font-medium text-brand-700 underline">
                {r.title}
                <span className="sr-only"> : ouvrir la demande</span>
              </Link>
              <span className="text-sm">
                {r.communeName} · reçue le {formatDateTime(r.submittedAt)}
                {r.preferredSlot ? ` · rappel souhaité : ${PREFERRED_SLOT_LABELS[r.preferredSlot as PreferredSlot] ?? r.preferredSlot}` : ""}
              </span>
            </li>
          ))}
        </DayList>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <DayList id="day-callbacks" title="Rappels dus aujourd'hui ou en retard" total={day.callbacks.total} empty="Aucun rappel dû aujourd'hui." more={{ href: "/rappels", label: "Voir toute la file des rappels" }}>
          {day.callbacks.items.map((c) => (
            <li key={c.id} className="flex flex-col gap-1 py-2">
              <Link href={`/rappels/${c.id}`} className="font-medium text-brand-700 underline">
                {c.companyName}
                <span className="sr-only"> : ouvrir le rappel</span>
              </Link>
              <span className="flex flex-wrap items-center gap-2 text-sm">
                <UrgencyBadge urgency={c.urgency} /> avant le {formatDateTime(c.dueAt)} · {c.attemptCount} tentative{c.attemptCount > 1 ? "s" : ""}
              </span>
            </li>
          ))}
        </DayList>
        <DayList id="day-visits" title="Mes prochaines visites" total={day.visits.total} empty="Aucune visite prévue dans les 7 jours.">
          {day.visits.items.map((v) => (
            <li key={v.id} className="flex flex-col gap-1 py-2">
              <Link href={`/entreprises/${v.companyId}`} className="font-medium text-brand-700 underline">
                {v.companyName}
              </Link>
              <span className="text-sm">
                <Link href={`/visites/${v.id}`} className="underline">{formatVisitWhen(v.date, v.timeSet)}</Link> · {v.purpose}
              </span>
            </li>
          ))}
        </DayList>
        <DayList id="day-followups" title="Suivis à faire" total={day.followUps.total} empty="Aucun suivi à faire dans les 7 jours.">
          {day.followUps.items.map((f) => (
            <li key={f.id} className="flex flex-col gap-1 py-2">
              <Link href={`/entreprises/${f.companyId}`} className="font-medium text-brand-700 underline">
                {f.companyName}
              </Link>
              <span className="text-sm">{f.label}</span>
              <span className={`text-sm ${f.overdue ? "font-semibold text-danger" : ""}`}>
                {f.overdue ? <Icon name="alert" className="mr-1 inline-block align-[-2px]" /> : null}
                {f.overdue ? "En retard, prévu le " : "Prévu le "}
                {formatDate(f.dueAt)}
                {f.mine ? "" : " · non attribué"}
              </span>
            </li>
          ))}
        </DayList>
      </div>
    </div>
  );
}
