import type { Metadata } from "next";
import Link from "next/link";
import { TokenManager } from "@/components/profile/token-manager";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ROLE_LABELS } from "@/lib/nav";
import { listTokens } from "@/lib/tokens/token.service";

export const metadata: Metadata = { title: "Mon profil" };

export default async function ProfilePage() {
  const user = await requirePageUser("profile.view");
  const tokens = await listTokens(db, user);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Mon profil</h1>
      <dl className="grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 rounded-lg border border-gray-300 bg-white p-4">
        <dt className="font-medium">Nom</dt>
        <dd>{user.firstName} {user.lastName}</dd>
        <dt className="font-medium">Adresse e-mail</dt>
        <dd>{user.email}</dd>
        <dt className="font-medium">Rôle</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="font-medium">Plateformes</dt>
        <dd>{user.allPlatforms ? "Toutes les plateformes" : user.platforms.map((p) => p.name).join(", ") || "Aucune"}</dd>
        <dt className="font-medium">Double authentification</dt>
        <dd>
          {user.totpEnabled ? "Activée" : <>Non activée — <Link href="/double-authentification" className="text-brand-700 underline">activer la double authentification</Link></>}
        </dd>
      </dl>
      <TokenManager tokens={tokens} />
    </div>
  );
}
