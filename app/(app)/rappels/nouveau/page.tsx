import type { Metadata } from "next";
import Link from "next/link";
import { NewCallbackForm } from "@/components/callbacks/callback-form";
import { requirePageUser } from "@/lib/auth/session";
import { listCompanyOptions, listStaffOptions } from "@/lib/callbacks/options.query";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Nouveau rappel numéro vert" };

export default async function NewCallbackPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("callback.write");
  const { entreprise } = await searchParams;
  const [companies, staff] = await Promise.all([listCompanyOptions(db, user), listStaffOptions(db, user)]);
  const companyId = typeof entreprise === "string" && companies.some((c) => c.value === entreprise) ? entreprise : undefined;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/rappels" className="text-brand-700 underline">Rappels numéro vert</Link>
      </p>
      <h1 className="text-2xl font-bold">Nouveau rappel numéro vert</h1>
      <p className="text-muted">Une entreprise a appelé le numéro vert : inscrivez-la dans la file pour la rappeler et qualifier son besoin.</p>
      {companies.length === 0 ? (
        <p className="text-muted">
          Aucune entreprise dans votre périmètre. <Link href="/entreprises" className="underline">Enregistrez d&apos;abord l&apos;entreprise</Link>.
        </p>
      ) : (
        <NewCallbackForm companies={companies} staff={staff} companyId={companyId} now={new Date().toISOString()} />
      )}
    </div>
  );
}
