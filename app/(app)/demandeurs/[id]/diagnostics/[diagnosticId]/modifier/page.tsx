import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DiagnosticForm } from "@/components/job-seekers/diagnostic-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fundingFiles, getDiagnostic } from "@/lib/diagnostics/diagnostic.service";
import { notFoundOnAppError } from "@/lib/page-errors";
import { TextLink } from "@/components/ui/text-link";
import { Card } from "@/components/ui/card";
import { PageTitle } from "@/components/ui/page-header";
import { parisToday } from "@/lib/format";

export const metadata: Metadata = { title: "Modifier un diagnostic mobilité" };

export default async function EditDiagnosticPage({ params }: { params: Promise<{ id: string; diagnosticId: string }> }) {
  const user = await requirePageUser("diagnostic.write");
  const { id, diagnosticId } = await params;
  const { platformId, ...diagnostic } = await notFoundOnAppError(getDiagnostic(db, user, diagnosticId, { purpose: "Modification d'un diagnostic mobilité" }));
  if (diagnostic.jobSeekerId !== id) notFound();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href={`/demandeurs/${id}`}>Fiche du demandeur d&apos;emploi</TextLink> / Diagnostic mobilité</p>
      <PageTitle>Modifier le diagnostic mobilité</PageTitle>
      <Card as="section" className="max-w-4xl">
        <DiagnosticForm jobSeekerId={id} today={parisToday()} files={await fundingFiles(db, platformId)} initial={diagnostic} />
      </Card>
    </div>
  );
}
