import type { Metadata } from "next";
import Link from "next/link";
import { VisitForm } from "@/components/visits/visit-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { notFoundOnAppError } from "@/lib/page-errors";
import { visitFormValues } from "@/lib/visits/visit.rules";
import { getVisit, platformStaff } from "@/lib/visits/visit.service";

export const metadata: Metadata = { title: "Modifier la visite" };

export default async function EditVisitPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("visit.write");
  const { id } = await params;
  const { platformId, ...visit } = await notFoundOnAppError(getVisit(db, user, id));
  const staff = await platformStaff(db, platformId);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href={`/entreprises/${visit.companyId}`} className="text-brand-700 underline">{visit.company}</Link> / <Link href={`/visites/${visit.id}`} className="text-brand-700 underline">Visite du {formatDate(visit.date)}</Link> / Modifier
      </p>
      <h1 className="text-2xl font-bold">Modifier la visite du {formatDate(visit.date)}</h1>
      <VisitForm company={{ value: visit.companyId, label: visit.company }} staff={staff} currentUserId={user.id} today={visitFormValues(new Date().toISOString(), true).date} visit={visit} />
    </div>
  );
}
