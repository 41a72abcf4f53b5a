import type { Metadata } from "next";
import { CompanyForm } from "@/components/companies/company-form";
import { requirePageUser } from "@/lib/auth/session";
import { listCompanySectors } from "@/lib/companies/company.query";
import { perimeterCommunes } from "@/lib/communes/commune.query";
import { db } from "@/lib/db";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nouvelle entreprise" };

export default async function NewCompanyPage() {
  const user = await requirePageUser("company.write");
  const [communes, sectors] = await Promise.all([perimeterCommunes(db, user.platformIds), listCompanySectors(db, user)]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Nouvelle entreprise</PageTitle>
      <CompanyForm communes={communes} sectors={sectors} />
    </div>
  );
}
