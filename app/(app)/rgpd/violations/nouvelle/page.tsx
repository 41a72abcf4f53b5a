import type { Metadata } from "next";
import { BreachForm } from "@/components/rights/breach-form";
import { requirePageUser } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { isProcessorRole } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Enregistrer une violation de données" };

export default async function NewBreachPage() {
  const user = await requirePageUser("breach.record");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><TextLink href="/rgpd/violations">Violations</TextLink> › Nouvelle violation</p>
      <PageTitle>Enregistrer une violation de données</PageTitle>
      <BreachForm processor={isProcessorRole(user.role)} platforms={isProcessorRole(user.role) ? user.platforms : []} />
    </div>
  );
}
