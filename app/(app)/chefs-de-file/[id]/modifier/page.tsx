import type { Metadata } from "next";
import { ChefDeFileForm } from "@/components/chefs-de-file/chef-de-file-form";
import { loadOrNull } from "@/lib/api/params";
import { orNotFound, requirePageUser } from "@/lib/auth/session";
import { getChefDeFile, listChefSectors } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Modifier un chef de file" };

export default async function EditChefDeFilePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser("chefDeFile.write");
  const { id } = await params;
  const chef = orNotFound(await loadOrNull(id, (i) => getChefDeFile(db, user, i)));
  const sectors = await listChefSectors(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <TextLink href={`/chefs-de-file/${chef.id}`}>Retour à la fiche</TextLink>
      </p>
      <PageTitle>Modifier : {[chef.firstName, chef.lastName].filter(Boolean).join(" ")}</PageTitle>
      <ChefDeFileForm chef={chef} sectors={sectors} />
    </div>
  );
}
