import type { Metadata } from "next";
import { ExportLinks } from "@/components/exports/export-links";
import { EventTable } from "@/components/events/event-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { eventListQuerySchema } from "@/lib/events/event.schema";
import { listEvents } from "@/lib/events/event.service";
import { parseSearchParams } from "@/lib/search-params";
import { LinkButton } from "@/components/ui/button";
import { FilterForm } from "@/components/ui/filter-form";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Événements circuit court" };

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("event.read");
  const q = parseSearchParams(eventListQuerySchema, await searchParams);
  const result = await listEvents(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PageTitle>Événements circuit court</PageTitle>
        <ExportLinks user={user} list="events" query={q} />
        {can(user, "event.write") ? <LinkButton href="/evenements/nouveau">Nouvel événement</LinkButton> : null}
      </div>
      <FilterForm label="Rechercher un événement" search={{ label: "Titre", defaultValue: q.q }} clearHref="/evenements" submitLabel="Rechercher" />
      <EventTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} showPlatform={user.platformIds.length > 1} />
    </div>
  );
}
