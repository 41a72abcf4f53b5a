import type { Metadata } from "next";
import { CompanyForm } from "@/components/companies/company-form";
import { requirePageUser } from "@/lib/auth/session";
import { getCompany, listCompanySectors } from "@/lib/companies/company.query";
import { communeOption, nafOption } from "@/lib/reference/reference.query";
import { db } from "@/lib/db";
import { notFoundOnAppError } from "@/lib/page-errors";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Modifier l'entreprise" };

export default async function EditCompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("company.write");
  const { id } = await params;
  const company = await notFoundOnAppError(getCompany(db, user, id));
  const [naf, commune, sectors] = await Promise.all([nafOption(db, company.nafCode), communeOption(db, company.communeCode), listCompanySectors(db, user)]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Modifier « {company.name} »</PageTitle>
      <CompanyForm company={company} naf={naf} commune={commune} sectors={sectors} />
    </div>
  );
}
