import type { Metadata } from "next";
import Link from "next/link";
import { VisitForm } from "@/components/visits/visit-form";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { getCompany } from "@/lib/companies/company.query";
import { db } from "@/lib/db";
import { notFoundOnAppError } from "@/lib/page-errors";
import { companyOption } from "@/lib/reference/company-picker";
import { visitFormValues } from "@/lib/visits/visit.rules";
import { lastVisitPurpose, platformStaff } from "@/lib/visits/visit.service";

export const metadata: Metadata = { title: "Nouvelle visite" };

/** « Nouvelle visite » from « Visites », « Ma journée », a company page, the search or Alt+Maj+V: the company is picked in the form unless given. */
export default async function NewVisitPage({ searchParams }: { searchParams: Promise<{ entreprise?: string }> }) {
  const user = await requirePageUser("visit.write");
  const { entreprise } = await searchParams;
  const company = entreprise ? await notFoundOnAppError(getCompany(db, user, entreprise)) : null;
  const platformIds = company ? [company.platformId] : user.platformIds;
  const staff = [...new Map((await Promise.all(platformIds.map((p) => platformStaff(db, p)))).flat().map((s) => [s.id, s])).values()];
  const today = visitFormValues(new Date().toISOString(), true).date;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        {company ? <Link href={`/entreprises/${company.id}`} className="text-brand-700 underline">{company.name}</Link> : <Link href="/visites" className="text-brand-700 underline">Visites</Link>} / Nouvelle visite
      </p>
      <h1 className="text-2xl font-bold">Nouvelle visite</h1>
      <VisitForm
        company={company ? companyOption({ id: company.id, name: company.name, siret: company.siret, city: company.city ?? null }) : null}
        staff={staff}
        currentUserId={user.id}
        today={today}
        lastPurpose={await lastVisitPurpose(db, user)}
        canOffer={can(user, "offer.write")}
      />
    </div>
  );
}
