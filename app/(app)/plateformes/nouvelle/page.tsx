import type { Metadata } from "next";
import { PlatformForm } from "@/components/platforms/platform-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { regionEpcis } from "@/lib/platforms/platform.service";
import { REGION_DEPARTMENTS } from "@/lib/platforms/region";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Créer une plateforme" };

export default async function NewPlatformPage() {
  await requirePageUser("platform.write");
  const epcis = await regionEpcis(db, REGION_DEPARTMENTS);
  return (
    <div className="flex flex-col gap-4">
      <p><TextLink href="/plateformes">← Plateformes</TextLink></p>
      <PageTitle>Créer une plateforme</PageTitle>
      <PlatformForm epcis={epcis} />
    </div>
  );
}
