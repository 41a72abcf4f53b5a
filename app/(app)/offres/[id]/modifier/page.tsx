import type { Metadata } from "next";
import { OfferForm } from "@/components/offers/offer-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getOffer } from "@/lib/offers/offer.service";
import { notFoundOnAppError } from "@/lib/page-errors";
import { communeOption, romeOption } from "@/lib/reference/reference.query";
import { PageTitle } from "@/components/ui/page-header";
import { parisToday } from "@/lib/format";

export const metadata: Metadata = { title: "Modifier l'offre" };

export default async function EditOfferPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("offer.write");
  const { id } = await params;
  const offer = await notFoundOnAppError(getOffer(db, user, id));
  const [rome, commune] = await Promise.all([romeOption(db, offer.romeCode), communeOption(db, offer.communeCode)]);
  return (
    <div className="flex flex-col gap-4">
      <PageTitle>Modifier l&apos;offre « {offer.title} »</PageTitle>
      <OfferForm company={{ id: offer.companyId, name: offer.company }} offer={offer} rome={rome} commune={commune} today={parisToday()} />
    </div>
  );
}
