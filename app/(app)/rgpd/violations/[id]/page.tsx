import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BreachForm } from "@/components/rights/breach-form";
import { Countdown } from "@/components/rights/countdown";
import { loadOrNull } from "@/lib/api/params";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { BREACH_STATUS_LABELS } from "@/lib/rights/breach.schema";
import { getBreach } from "@/lib/rights/breach.service";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Violation de données" };

export default async function BreachPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("breach.read");
  const { id } = await params;
  const b = await loadOrNull(id, (x) => getBreach(db, user, x));
  if (!b) notFound();
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm"><TextLink href="/rgpd/violations">Violations</TextLink> › Violation du {formatDateTime(b.detectedAt)}</p>
      <PageTitle>Violation détectée le {formatDateTime(b.detectedAt)}</PageTitle>
      <p className="text-sm">Statut : <strong>{BREACH_STATUS_LABELS[b.status]}</strong> — enregistrée le {formatDateTime(b.recordedAt)}{b.recordedByPlatform ? ` par la plateforme ${b.platform ?? ""}, notifiée aussitôt par courriel (convention, annexe 1, art. 3.7)` : ""}.</p>
      <section aria-labelledby="deadline-title" className="flex flex-col gap-2">
        <h2 id="deadline-title" className="text-lg font-semibold">Notification au responsable de traitement</h2>
        <p><Countdown clock={{ label: "Délai de notification", dueAt: b.deadlineAt, doneAt: b.notifiedAt, overdue: b.overdue, late: b.late, countdown: b.countdown }} /></p>
        {b.notifiedAt ? <p className="text-sm">Notifiée le {formatDateTime(b.notifiedAt)}.</p> : null}
      </section>
      {b.franceTravail ? (
        <section aria-labelledby="ft-title" className="flex flex-col gap-2">
          <h2 id="ft-title" className="text-lg font-semibold">Notification au DPO de France Travail</h2>
          <p><Countdown clock={{ label: "Délai France Travail", dueAt: b.franceTravail.dueAt, doneAt: b.franceTravail.doneAt, overdue: b.franceTravail.overdue, late: false, countdown: b.franceTravail.countdown }} /></p>
          <p className="text-sm">Données transmises à France Travail concernées (convention France Travail, annexe 1, 2.8).</p>
        </section>
      ) : (
        <section aria-labelledby="ft-title" className="flex flex-col gap-2">
          <h2 id="ft-title" className="text-lg font-semibold">Notification au DPO de France Travail</h2>
          <p className="text-sm">Données transmises à France Travail non concernées.</p>
        </section>
      )}
      {can(user, "breach.write") ? (
        <section aria-labelledby="edit-title" className="flex flex-col gap-2">
          <h2 id="edit-title" className="text-lg font-semibold">Fiche de la violation</h2>
          <BreachForm breach={b} />
        </section>
      ) : null}
    </div>
  );
}
