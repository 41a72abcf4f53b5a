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

export const metadata: Metadata = { title: "Notice d'information d'un contact" };

/** Issue 22 §2: the notice given to a company contact, printable; its remise recorded (Région annex 1 art. 3.3). */
export default async function ContactInformationPage({ params }: { params: Promise<{ id: string; contactId: string }> }) {
  const user = await requirePageUser("contact.read");
  const { id, contactId } = await params;
  const info = await getPersonInformation(db, user, "COMPANY_CONTACT", contactId, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const notice = await currentNotice(db, "COMPANY_CONTACT");
  return (
    <PersonNotice
      info={info}
      notice={notice}
      writeUrl={can(user, "contact.write") ? `/api/v1/companies/${id}/contacts/${contactId}/information` : null}
      breadcrumb={<><TextLink href={`/entreprises/${id}`}>Fiche de l&apos;entreprise</TextLink> › Notice d&apos;information du contact</>}
    />
  );
}
