import type { Metadata } from "next";
import Link from "next/link";
import { OfferForm } from "@/components/offers/offer-form";
import { requirePageUser } from "@/lib/auth/session";
import { getCompany } from "@/lib/companies/company.query";
import { db } from "@/lib/db";
import { notFoundOnAppError } from "@/lib/page-errors";
import { communeOption } from "@/lib/reference/reference.query";
import { parisToday } from "@/lib/format";

export const metadata: Metadata = { title: "Nouvelle offre" };

export default async function NewOfferPage({ searchParams }: { searchParams: Promise<{ entreprise?: string; visite?: string }> }) {
  const user = await requirePageUser("offer.write");
  const { entreprise, visite } = await searchParams;
  if (!entreprise) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold">Nouvelle offre</h1>
        <p>Une offre se crée depuis la fiche de l&apos;entreprise ou depuis une visite. <Link href="/entreprises" className="text-brand-700 underline">Choisir une entreprise</Link></p>
      </div>
    );
  }
  const company = await notFoundOnAppError(getCompany(db, user, entreprise));
  const commune = await communeOption(db, company.communeCode);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href={`/entreprises/${company.id}`} className="text-brand-700 underline">{company.name}</Link> / Nouvelle offre</p>
      <h1 className="text-2xl font-bold">Nouvelle offre{visite ? " issue de la visite" : ""}</h1>
      <OfferForm company={{ id: company.id, name: company.name }} visitId={visite} commune={commune} today={parisToday()} />
    </div>
  );
}
