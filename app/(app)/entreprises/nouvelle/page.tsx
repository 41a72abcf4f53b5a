import type { Metadata } from "next";
import { CompanyForm } from "@/components/companies/company-form";
import { requirePageUser } from "@/lib/auth/session";
import { listCompanySectors } from "@/lib/companies/company.query";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Nouvelle entreprise" };

export default async function NewCompanyPage() {
  const user = await requirePageUser("company.write");
  const sectors = await listCompanySectors(db, user);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Nouvelle entreprise</h1>
      <CompanyForm sectors={sectors} />
    </div>
  );
}
