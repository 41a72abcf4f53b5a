import type { Metadata } from "next";
import { RightsRequestForm } from "@/components/rights/rights-request-form";
import { requirePageUser } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Enregistrer une demande d'exercice de droits" };

export default async function NewRightsRequestPage() {
  await requirePageUser("rights.write");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd/demandes">Demandes d&apos;exercice de droits</TextLink> › Nouvelle demande</p>
      <PageTitle>Enregistrer une demande d&apos;exercice de droits</PageTitle>
      <RightsRequestForm />
    </div>
  );
}
