import type { Metadata } from "next";
import Link from "next/link";
import { PlatformForm } from "@/components/platforms/platform-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { regionEpcis } from "@/lib/platforms/platform.service";
import { REGION_DEPARTMENTS } from "@/lib/platforms/region";

export const metadata: Metadata = { title: "Créer une plateforme" };

export default async function NewPlatformPage() {
  await requirePageUser("platform.write");
  const epcis = await regionEpcis(db, REGION_DEPARTMENTS);
  return (
    <div className="flex flex-col gap-4">
      <p><Link href="/plateformes" className="text-brand-700 underline">← Plateformes</Link></p>
      <h1 className="text-2xl font-bold">Créer une plateforme</h1>
      <PlatformForm epcis={epcis} />
    </div>
  );
}
