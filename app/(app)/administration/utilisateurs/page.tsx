import type { Metadata } from "next";
import { UserTable } from "@/components/users/user-table";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";
import { userListQuerySchema } from "@/lib/users/user.schema";
import { listUsers } from "@/lib/users/user.query";

export const metadata: Metadata = { title: "Utilisateurs" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("user.read");
  const q = parseSearchParams(userListQuerySchema, await searchParams);
  const result = await listUsers(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Utilisateurs</h1>
        {can(user, "user.invite") ? (
          <Link href="/administration/utilisateurs/inviter" className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">
            Inviter un utilisateur
          </Link>
        ) : null}
      </div>
      <form role="search" aria-label="Rechercher un compte" className="flex items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor="f-q" className="text-sm font-medium">Nom ou adresse e-mail</label>
          <input id="f-q" name="q" defaultValue={q.q ?? ""} className="rounded border border-gray-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">Rechercher</button>
      </form>
      <UserTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
