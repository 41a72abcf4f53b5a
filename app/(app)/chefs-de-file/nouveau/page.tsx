import type { Metadata } from "next";
import Link from "next/link";
import { ChefDeFileForm } from "@/components/chefs-de-file/chef-de-file-form";
import { requirePageUser } from "@/lib/auth/session";
import { listCompanyOptions } from "@/lib/callbacks/options.query";
import { listChefSectors } from "@/lib/chefs-de-file/chef-de-file.service";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Nouveau chef de file" };

export default async function NewChefDeFilePage() {
  const user = await requirePageUser("chefDeFile.write");
  const [companies, sectors] = await Promise.all([listCompanyOptions(db, user), listChefSectors(db, user)]);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/chefs-de-file" className="text-brand-700 underline">Chefs de file métiers</Link>
      </p>
      <h1 className="text-2xl font-bold">Nouveau chef de file</h1>
      <ChefDeFileForm companies={companies} sectors={sectors} />
    </div>
  );
}
