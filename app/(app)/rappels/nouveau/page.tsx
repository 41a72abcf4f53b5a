import type { Metadata } from "next";
import Link from "next/link";
import { NewCallbackForm } from "@/components/callbacks/callback-form";
import { requirePageUser } from "@/lib/auth/session";
import { listStaffOptions } from "@/lib/callbacks/options.query";
import { companyScope, getCompany } from "@/lib/companies/company.query";
import { db } from "@/lib/db";
import { companyOption } from "@/lib/reference/company-picker";

export const metadata: Metadata = { title: "Nouveau rappel numéro vert" };

export default async function NewCallbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("callback.write");
  const { entreprise } = await searchParams;
  const [companyCount, staff] = await Promise.all([db.company.count({ where: companyScope(user) }), listStaffOptions(db, user)]);
  const given = typeof entreprise === "string" ? await getCompany(db, user, entreprise).catch(() => null) : null;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/rappels" className="text-brand-700 underline">Rappels numéro vert</Link>
      </p>
      <h1 className="text-2xl font-bold">Nouveau rappel numéro vert</h1>
      <p className="text-muted">Une entreprise a appelé le numéro vert : inscrivez-la dans la file pour la rappeler et qualifier son besoin.</p>
      {companyCount === 0 ? (
        <p className="text-muted">
          Aucune entreprise dans votre périmètre. <Link href="/entreprises" className="underline">Enregistrez d&apos;abord l&apos;entreprise</Link>.
        </p>
      ) : (
        <NewCallbackForm company={given ? companyOption({ id: given.id, name: given.name, siret: given.siret, city: given.city ?? null }) : null} staff={staff} now={new Date().toISOString()} />
      )}
    </div>
  );
}
