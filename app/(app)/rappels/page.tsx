import type { Metadata } from "next";
import Link from "next/link";
import { CallbackTable } from "@/components/callbacks/callback-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { CALLBACK_STATUS_LABELS, CALLBACK_STATUSES } from "@/lib/callbacks/callback.rules";
import { callbackListQuerySchema } from "@/lib/callbacks/callback.schema";
import { listCallbacks } from "@/lib/callbacks/callback.service";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";
import { Icon } from "@/components/ui/icons";
import { LinkButton } from "@/components/ui/button";
import { activeFilterCount, FilterCheckbox, FilterForm, FilterSelect } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Rappels numéro vert" };

export default async function CallbacksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("callback.read");
  const raw = await searchParams;
  // The queue (still to call) is the default view: that is what the screen is opened for.
  const q = parseSearchParams(callbackListQuerySchema, { status: "A_RAPPELER", ...raw });
  const [result, overdue] = await Promise.all([listCallbacks(db, user, q), listCallbacks(db, user, callbackListQuerySchema.parse({ overdue: "1", pageSize: 1 }))]);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Rappels numéro vert</PageTitle>
        {can(user, "callback.write") ? (
          <LinkButton href="/rappels/nouveau">
            Nouveau rappel
          </LinkButton>
        ) : null}
      </div>
      <p data-testid="overdue-count" className={overdue.total > 0 ? "font-semibold text-danger" : "text-muted"}>
        {overdue.total > 0 ? (
          <>
            <Icon name="alert" className="mr-1 inline-block align-[-2px]" />
            {overdue.total} rappel{overdue.total > 1 ? "s" : ""} en retard.{" "}
            <Link href="/rappels?overdue=1" className="underline">
              Voir les rappels en retard
            </Link>
          </>
        ) : (
          "Aucun rappel en retard."
        )}
      </p>
      {/* The queue (« À rappeler ») is a filter too: « Filtres (1) » on arrival, and clearing shows every status. */}
      <FilterForm
        label="Filtrer les rappels"
        search={{ label: "Entreprise", defaultValue: q.q, className: "lg:w-64" }}
        active={activeFilterCount({ status: q.status, overdue: q.overdue === "1", mine: q.mine === "1" })}
        clearHref="/rappels?status="
      >
        <FilterSelect id="f-status" name="status" label="Statut" defaultValue={raw.status === "" ? "" : q.status} all="Tous" options={CALLBACK_STATUSES.map((s) => ({ value: s, label: CALLBACK_STATUS_LABELS[s] }))} />
        <FilterCheckbox id="f-overdue" name="overdue" value="1" label="En retard seulement" defaultChecked={q.overdue === "1"} />
        <FilterCheckbox id="f-mine" name="mine" value="1" label="Suivis par moi" defaultChecked={q.mine === "1"} />
      </FilterForm>
      <CallbackTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
    </div>
  );
}
