import type { Metadata } from "next";
import { ChefDeFileForm } from "@/components/chefs-de-file/chef-de-file-form";
import { requirePageUser } from "@/lib/auth/session";
import { listChefSectors } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Nouveau chef de file" };

export default async function NewChefDeFilePage() {
  const user = await requirePageUser("chefDeFile.write");
  const sectors = await listChefSectors(db, user);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <TextLink href="/chefs-de-file">Chefs de file métiers</TextLink>
      </p>
      <PageTitle>Nouveau chef de file</PageTitle>
      <ChefDeFileForm sectors={sectors} />
    </div>
  );
}
