import type { Metadata } from "next";
import { UserTable } from "@/components/users/user-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";
import { userListQuerySchema } from "@/lib/users/user.schema";
import { listUsers } from "@/lib/users/user.query";
import { LinkButton } from "@/components/ui/button";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Utilisateurs" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("user.read");
  const q = parseSearchParams(userListQuerySchema, await searchParams);
  const result = await listUsers(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Utilisateurs</PageTitle>
        {can(user, "user.invite") ? (
          <LinkButton href="/administration/utilisateurs/inviter">
            Inviter un utilisateur
          </LinkButton>
        ) : null}
      </div>
      <FilterForm label="Rechercher un compte" search={{ label: "Nom ou adresse e-mail", defaultValue: q.q, className: "lg:w-56" }} clearHref="/administration/utilisateurs" submitLabel="Rechercher" />
      <UserTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
