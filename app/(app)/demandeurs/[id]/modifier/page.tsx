import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { JobSeekerSectionForms } from "@/components/job-seekers/job-seeker-form";
import { JOB_SEEKER_SECTIONS } from "@/components/job-seekers/job-seeker-sections";
import { PageHeader } from "@/components/ui/page-header";
import { SectionNav } from "@/components/ui/section-nav";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getJobSeeker } from "@/lib/job-seekers/job-seeker.query";
import { listReferents } from "@/lib/job-seekers/job-seeker.service";
import { mobilityAreaOptions, mobilityChoices } from "@/lib/job-seekers/mobility-areas";
import { communeOption, romeLabels } from "@/lib/reference/reference.query";

export const metadata: Metadata = { title: "Modifier un demandeur d'emploi" };

export default async function EditJobSeekerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("jobSeeker.write");
  const { id } = await params;
  const person = await getJobSeeker(db, user, id, { purpose: "Modification de la fiche" }).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [referents, commune, rome, mobilityAreas, choices] = await Promise.all([
    listReferents(db),
    communeOption(db, person.communeCode),
    romeLabels(db, person.desiredRomeCodes),
    mobilityAreaOptions(db, person.mobilityScope, person.mobilityCodes),
    mobilityChoices(db),
  ]);
  const name = `${person.lastName ?? ""} ${person.firstName ?? ""}`.trim();
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={`Modifier : ${name}`}
        breadcrumb={[{ label: "Demandeurs d'emploi", href: "/demandeurs" }, { label: name, href: `/demandeurs/${person.id}` }, { label: "Modifier" }]}
      />
      <SectionNav label="Sections de la fiche" sections={JOB_SEEKER_SECTIONS} />
      <JobSeekerSectionForms
        initial={person}
        referents={referents.map((r) => ({ id: r.id, name: `${r.firstName} ${r.lastName}` }))}
        commune={commune}
        desiredRome={person.desiredRomeCodes.map((c) => ({ value: c, label: rome.get(c) ?? c }))}
        mobilityAreas={mobilityAreas}
        mobilityChoices={choices}
      />
    </div>
  );
}
