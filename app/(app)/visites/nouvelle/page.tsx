import type { Metadata } from "next";
import Link from "next/link";
import { VisitForm } from "@/components/visits/visit-form";
import { requirePageUser } from "@/lib/auth/session";
import { getCompany } from "@/lib/companies/company.query";
import { db } from "@/lib/db";
import { notFoundOnAppError } from "@/lib/page-errors";
import { platformStaff } from "@/lib/visits/visit.service";

export const metadata: Metadata = { title: "Nouvelle visite" };

export default async function NewVisitPage({ searchParams }: { searchParams: Promise<{ entreprise?: string }> }) {
  const user = await requirePageUser("visit.write");
  const { entreprise } = await searchParams;
  if (!entreprise) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Nouvelle visite</h1>
        <p>Une visite se crée depuis la fiche de l&apos;entreprise visitée. <Link href="/entreprises" className="text-brand-700 underline">Choisir une entreprise</Link></p>
      </div>
    );
  }
  const company = await notFoundOnAppError(getCompany(db, user, entreprise));
  const staff = await platformStaff(db, company.platformId);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href={`/entreprises/${company.id}`} className="text-brand-700 underline">{company.name}</Link> / Nouvelle visite</p>
      <h1 className="text-2xl font-bold">Nouvelle visite</h1>
      <VisitForm company={{ id: company.id, name: company.name }} staff={staff} currentUserId={user.id} today={new Date().toISOString().slice(0, 10)} />
    </div>
  );
}
