import type { Metadata } from "next";
import { RightsRequestForm } from "@/components/rights/rights-request-form";
import { requirePageUser } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { isProcessorRole } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Enregistrer une demande d'exercice de droits" };

export default async function NewRightsRequestPage() {
  const user = await requirePageUser("rights.record");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd/demandes">Demandes d&apos;exercice de droits</TextLink> › Nouvelle demande</p>
      <PageTitle>Enregistrer une demande d&apos;exercice de droits</PageTitle>
      {isProcessorRole(user.role) ? <p className="max-w-3xl text-sm">À l&apos;enregistrement, la demande est transmise par courriel à l&apos;adresse Proch&apos;Emploi et au DPO de la Région (convention, annexe 1, art. 3.4). Les délais partent de sa réception par la plateforme.</p> : null}
      <RightsRequestForm platforms={isProcessorRole(user.role) ? user.platforms : []} />
    </div>
  );
}
