import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PersonNotice } from "@/components/notices/person-notice";
import { TextLink } from "@/components/ui/text-link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { currentNotice } from "@/lib/notices/notice.service";
import { getPersonInformation } from "@/lib/notices/person-information.service";

export const metadata: Metadata = { title: "Notice d'information d'un chef de file" };

/** Issue 22 §2: the notice given to a chef de file, printable; its remise recorded (Région annex 1 art. 3.3). */
export default async function ChefDeFileInformationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("chefDeFile.read");
  const { id } = await params;
  const info = await getPersonInformation(db, user, "CHEF_DE_FILE", id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const notice = await currentNotice(db, "CHEF_DE_FILE");
  return (
    <PersonNotice
      info={info}
      notice={notice}
      writeUrl={can(user, "chefDeFile.write") ? `/api/v1/chefs-de-file/${id}/information` : null}
      breadcrumb={<><TextLink href={`/chefs-de-file/${id}`}>Fiche du chef de file</TextLink> › Notice d&apos;information</>}
    />
  );
}
