import type { Metadata } from "next";
import Link from "next/link";
import { BreachForm } from "@/components/rights/breach-form";
import { requirePageUser } from "@/lib/auth/session";
import { isProcessorRole } from "@/lib/authz/policy";

export const metadata: Metadata = { title: "Enregistrer une violation de données" };

export default async function NewBreachPage() {
  const user = await requirePageUser("breach.record");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href="/rgpd/violations" className="text-brand-700 underline">Violations</Link> › Nouvelle violation</p>
      <h1 className="text-2xl font-bold">Enregistrer une violation de données</h1>
      <BreachForm processor={isProcessorRole(user.role)} platforms={isProcessorRole(user.role) ? user.platforms : []} />
    </div>
  );
}
