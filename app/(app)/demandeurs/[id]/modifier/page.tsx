import type { Metadata } from "next";
import { JobSeekerForm } from "@/components/job-seekers/job-seeker-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getJobSeeker } from "@/lib/job-seekers/job-seeker.query";
import { listReferents } from "@/lib/job-seekers/job-seeker.service";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Modifier un demandeur d'emploi" };

export default async function EditJobSeekerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("jobSeeker.write");
  const { id } = await params;
  const person = await getJobSeeker(db, user, id, { purpose: "Modification de la fiche" }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const referents = (await listReferents(db)).map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }));
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Modifier : {person.lastName} {person.firstName}</h1>
      <JobSeekerForm initial={person} referents={referents} />
    </div>
  );
}
