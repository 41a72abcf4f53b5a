import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArchivedReading } from "@/components/job-seekers/archived-reading";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { archivedHeading } from "@/lib/job-seekers/archived.query";
import { TextLink } from "@/components/ui/text-link";

export const metadata: Metadata = { title: "Consultation d'une personne archivée" };

/**
 * Reading an archived record: a form asking why, sent by POST (server action); the record is shown
 * in the answer. A `motif` in the address reads nothing (issue 16 §13: no audited reading from a
 * cross-site link). Every display is a new audited reading with its reason; nothing is editable.
 */
export default async function ArchivedRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("jobSeeker.readArchived");
  const { id } = await params;
  const heading = await archivedHeading(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <div className="flex flex-col gap-4">
      <p><TextLink href="/rgpd/archives">← Archives</TextLink></p>
      <p className="text-muted">
        Plateforme {heading.platform}, archivée le {formatDate(heading.archivedAt?.toISOString() ?? null)}. Accès réservé au responsable de plateforme et au DPO.
      </p>
      <ArchivedReading id={id} />
    </div>
  );
}
