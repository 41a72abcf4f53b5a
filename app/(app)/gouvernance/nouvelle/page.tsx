import type { Metadata } from "next";
import Link from "next/link";
import { GovernanceForm } from "@/components/governance/governance-form";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouvelle réunion de gouvernance" };

export default async function NewGovernanceMeetingPage() {
  await requirePageUser("governance.write");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/gouvernance" className="text-brand-700 underline">Gouvernance</Link>
      </p>
      <h1 className="text-2xl font-bold">Nouvelle réunion de gouvernance</h1>
      <GovernanceForm today={new Date().toISOString().slice(0, 10)} />
    </div>
  );
}
