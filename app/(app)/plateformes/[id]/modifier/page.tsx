import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlatformForm } from "@/components/platforms/platform-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getPlatform, perimeterForForm, regionEpcis } from "@/lib/platforms/platform.service";
import { REGION_DEPARTMENTS } from "@/lib/platforms/region";
import { communeLabels } from "@/lib/reference/reference.query";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Modifier une plateforme" };

export default async function EditPlatformPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("platform.write");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const p = await getPlatform(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [epcis, split] = await Promise.all([regionEpcis(db, REGION_DEPARTMENTS), perimeterForForm(db, p.perimeterInseeCodes)]);
  const labels = await communeLabels(db, split.communeCodes);
  const perimeter = { epciCodes: split.epciCodes, communes: split.communeCodes.map((c) => ({ value: c, label: labels.get(c) ?? c })) };
  return (
    <div className="flex flex-col gap-4">
      <p><TextLink href={`/plateformes/${p.id}`}>← {p.name}</TextLink></p>
      <PageTitle>Modifier « {p.name} »</PageTitle>
      <PlatformForm platform={p} perimeter={perimeter} epcis={epcis} />
    </div>
  );
}
