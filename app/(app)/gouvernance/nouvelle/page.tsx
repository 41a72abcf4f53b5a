import type { Metadata } from "next";
import { GovernanceForm } from "@/components/governance/governance-form";
import { requirePageUser } from "@/lib/auth/session";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";
import { parisToday } from "@/lib/format";

export const metadata: Metadata = { title: "Nouvelle réunion de gouvernance" };

export default async function NewGovernanceMeetingPage() {
  await requirePageUser("governance.write");
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <TextLink href="/gouvernance">Gouvernance</TextLink>
      </p>
      <PageTitle>Nouvelle réunion de gouvernance</PageTitle>
      <GovernanceForm today={parisToday()} />
    </div>
  );
}
