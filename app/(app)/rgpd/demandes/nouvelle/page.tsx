import type { Metadata } from "next";
import Link from "next/link";
import { RightsRequestForm } from "@/components/rights/rights-request-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Enregistrer une demande d'exercice de droits" };

export default async function NewRightsRequestPage() {
  await requirePageUser("rights.write");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href="/rgpd/demandes" className="text-brand-700 underline">Demandes d&apos;exercice de droits</Link> › Nouvelle demande</p>
      <h1 className="text-2xl font-bold">Enregistrer une demande d&apos;exercice de droits</h1>
      <RightsRequestForm />
    </div>
  );
}
