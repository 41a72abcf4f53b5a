import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiagnosticForm } from "@/components/job-seekers/diagnostic-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { fundingFiles, getDiagnostic } from "@/lib/diagnostics/diagnostic.service";
import { notFoundOnAppError } from "@/lib/page-errors";

export const metadata: Metadata = { title: "Modifier un diagnostic mobilité" };

export default async function EditDiagnosticPage({ params }: { params: Promise<{ id: string; diagnosticId: string }> }) {
  const user = await requirePageUser("diagnostic.write");
  const { id, diagnosticId } = await params;
  const { platformId, ...diagnostic } = await notFoundOnAppError(getDiagnostic(db, user, diagnosticId, { purpose: "Modification d'un diagnostic mobilité" }));
  if (diagnostic.jobSeekerId !== id) notFound();
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href={`/demandeurs/${id}`} className="text-brand-700 underline">Fiche du demandeur d&apos;emploi</Link> / Diagnostic mobilité</p>
      <h1 className="text-2xl font-bold">Modifier le diagnostic mobilité</h1>
      <section className="max-w-4xl rounded-lg border border-gray-300 bg-white p-4">
        <DiagnosticForm jobSeekerId={id} today={new Date().toISOString().slice(0, 10)} files={await fundingFiles(db, platformId)} initial={diagnostic} />
      </section>
    </div>
  );
}
