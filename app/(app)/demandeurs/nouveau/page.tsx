import type { Metadata } from "next";
import { JobSeekerForm } from "@/components/job-seekers/job-seeker-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listReferents } from "@/lib/job-seekers/job-seeker.service";

export const metadata: Metadata = { title: "Nouveau demandeur d'emploi" };

export default async function NewJobSeekerPage() {
  await requirePageUser("jobSeeker.write");
  const referents = (await listReferents(db)).map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Nouveau demandeur d&apos;emploi</h1>
      <p className="text-sm text-muted">
        Ne saisissez que les informations utiles à l&apos;accompagnement (liste fixée par la convention). La personne doit avoir été informée du
        traitement de ses données : indiquez la date et le canal.
      </p>
      <JobSeekerForm referents={referents} />
    </div>
  );
}
