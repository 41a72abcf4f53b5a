import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobSeekerRecord } from "@/components/job-seekers/job-seeker-record";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { archivedHeading, readArchivedJobSeeker } from "@/lib/job-seekers/archived.query";
import { Icon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { Button } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Consultation d'une personne archivée" };

/**
 * Reading an archived record: first a form asking why (GET with `motif`), then the record. Every
 * display is a new audited reading with that reason; nothing here is editable.
 */
export default async function ArchivedRecordPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("jobSeeker.readArchived");
  const { id } = await params;
  const raw = (await searchParams).motif;
  const motif = typeof raw === "string" ? raw : undefined;
  const heading = await archivedHeading(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  let error: string | null = null;
  let record: Awaited<ReturnType<typeof readArchivedJobSeeker>> | null = null;
  if (motif !== undefined) {
    try {
      record = await readArchivedJobSeeker(db, user, id, motif);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      error = e.fields?._?.[0] ?? Object.values(e.fields ?? {})[0]?.[0] ?? "Indiquez le motif de la consultation.";
    }
  }
  return (
    <div className="flex flex-col gap-4">
      <p><TextLink href="/rgpd/archives">← Archives</TextLink></p>
      <PageTitle>{record ? `${record.lastName ?? ""} ${record.firstName ?? ""}`.trim() || "Personne archivée" : "Consulter une fiche archivée"}</PageTitle>
      <p className="text-muted">
        Plateforme {heading.platform}, archivée le {formatDate(heading.archivedAt?.toISOString() ?? null)}. Accès réservé au responsable de plateforme et au DPO.
      </p>
      {record ? (
        <>
          <p role="note" className="rounded border border-gray-300 bg-gray-50 p-3 text-sm">
            Consultation journalisée avec le motif : « {motif?.trim()} ». Fiche en lecture seule.
          </p>
          <JobSeekerRecord p={record} />
        </>
      ) : (
        <form className="flex max-w-2xl flex-col gap-3 rounded-lg border border-gray-300 bg-white p-4" noValidate>
          <label htmlFor="f-motif" className="text-sm font-medium">Motif de la consultation</label>
          <p id="f-motif-hint" className="text-xs text-muted">Par exemple : demande d&apos;accès de la personne, retour à l&apos;emploi à vérifier, contrôle. Le motif est conservé dans le journal d&apos;audit.</p>
          <textarea
            id="f-motif" name="motif" rows={3} required minLength={10} maxLength={500} defaultValue={motif ?? ""}
            aria-describedby={error ? "f-motif-hint f-motif-error" : "f-motif-hint"} aria-invalid={error ? true : undefined}
            className={`rounded border px-3 py-2 ${error ? "border-danger" : "border-gray-400"}`}
          />
          {error ? <p id="f-motif-error" className="text-sm text-danger"><Icon name="alert" className="mr-1 inline-block align-[-2px]" />{error}</p> : null}
          <div><Button type="submit">Consulter la fiche</Button></div>
        </form>
      )}
    </div>
  );
}
