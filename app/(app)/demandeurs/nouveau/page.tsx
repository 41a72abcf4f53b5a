import type { Metadata } from "next";
import { JobSeekerQuickForm } from "@/components/job-seekers/job-seeker-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Nouveau demandeur d'emploi" };

export default async function NewJobSeekerPage() {
  await requirePageUser("jobSeeker.write");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Nouveau demandeur d'emploi"
        breadcrumb={[{ label: "Demandeurs d'emploi", href: "/demandeurs" }, { label: "Nouveau demandeur d'emploi" }]}
        description={
          <>
            Ajout rapide : l&apos;essentiel maintenant, le reste de la fiche plus tard. La personne doit avoir été informée du traitement de ses
            données : indiquez la date et le canal.
          </>
        }
      />
      <JobSeekerQuickForm />
    </div>
  );
}
