import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/events/print-button";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { formatCents, formatDate } from "@/lib/format";
import { refundOrderForPrint } from "@/lib/subsidy/tranche.service";

export const metadata: Metadata = { title: "Ordre de reversement" };

const FUNDERS = { REGION: "Région Hauts-de-France", FRANCE_TRAVAIL: "France Travail" } as const;
const STATUS = { ISSUED: "Émis, en attente de paiement", PAID: "Réglé", CANCELLED: "Annulé" } as const;

/** Printable ordre de reversement (the browser's print makes the PDF). */
export default async function RefundOrderPage({ params }: { params: Promise<{ id: string; orderId: string }> }) {
  const user = await requirePageUser("subsidy.read");
  const { id, orderId } = await params;
  const data = await refundOrderForPrint(db, user, id, orderId).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { order, file, beneficiary } = data;
  return (
    <article className="mx-auto flex max-w-3xl flex-col gap-4 bg-white p-6 print:p-0" aria-labelledby="order-title">
      <p className="print:hidden"><Link href={`/financement/${file.id}`} className="text-brand-700 underline">← Retour au dossier</Link></p>
      <h1 id="order-title" className="text-2xl font-bold">Ordre de reversement n° {order.number}</h1>
      <p>{FUNDERS[file.funder]} — subvention {file.year}{file.deliberationNumber ? `, délibération n° ${file.deliberationNumber}` : ""}</p>
      <dl className="grid grid-cols-[14rem_1fr] gap-2">
        <dt className="font-medium">Débiteur</dt><dd>{beneficiary.name}{beneficiary.siret ? ` (SIRET ${beneficiary.siret})` : ""}, porteur de la plateforme {beneficiary.platform}</dd>
        <dt className="font-medium">Montant à reverser</dt><dd data-testid="order-amount"><strong>{formatCents(order.amountCents)}</strong></dd>
        <dt className="font-medium">Motif</dt><dd>{order.reason}</dd>
        <dt className="font-medium">Montant attribué</dt><dd>{formatCents(file.awardedCents)}</dd>
        <dt className="font-medium">Date d&apos;émission</dt><dd>{formatDate(order.issuedAt)}</dd>
        <dt className="font-medium">À régler avant le</dt><dd>{formatDate(order.dueAt)}</dd>
        <dt className="font-medium">État</dt><dd>{STATUS[order.status]}{order.paidAt ? ` le ${formatDate(order.paidAt)}` : ""}</dd>
      </dl>
      <PrintButton />
    </article>
  );
}
