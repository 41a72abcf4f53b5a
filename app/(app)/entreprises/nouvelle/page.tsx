import type { Metadata } from "next";
import { CompanyForm } from "@/components/companies/company-form";
import { requirePageUser } from "@/lib/auth/session";
import { listCompanySectors } from "@/lib/companies/company.query";
import { db } from "@/lib/db";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nouvelle entreprise" };

export default async function NewCompanyPage() {
  const user = await requirePageUser("company.write");
  const sectors = await listCompanySectors(db, user);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Nouvelle entreprise</PageTitle>
      <CompanyForm sectors={sectors} />
    </div>
  );
}
