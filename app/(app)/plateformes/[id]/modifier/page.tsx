import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlatformForm } from "@/components/platforms/platform-form";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getPlatform, perimeterForForm, regionEpcis } from "@/lib/platforms/platform.service";
import { REGION_DEPARTMENTS } from "@/lib/platforms/region";

export const metadata: Metadata = { title: "Modifier une plateforme" };

export default async function EditPlatformPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("platform.write");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const p = await getPlatform(db, user, id).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [epcis, perimeter] = await Promise.all([regionEpcis(db, REGION_DEPARTMENTS), perimeterForForm(db, p.perimeterInseeCodes)]);
  return (
    <div className="flex flex-col gap-4">
      <p><Link href={`/plateformes/${p.id}`} className="text-brand-700 underline">← {p.name}</Link></p>
      <h1 className="text-2xl font-bold">Modifier « {p.name} »</h1>
      <PlatformForm platform={p} perimeter={perimeter} epcis={epcis} />
    </div>
  );
}
