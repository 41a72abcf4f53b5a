import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { listAuditEvents } from "@/lib/audit/audit.query";
import { auditListQuerySchema } from "@/lib/audit/audit.schema";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { parseSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Données personnelles" };

export default async function GdprPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("audit.read");
  const q = parseSearchParams(auditListQuerySchema, await searchParams);
  const result = await listAuditEvents(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Journal d&apos;audit</h1>
      <p className="text-muted">Connexions, accès aux données personnelles et opérations sensibles, du plus récent au plus ancien.</p>
      <p><Link href="/rgpd/conservation" className="text-brand-700 underline">Conservation des données : exécutions et simulations</Link></p>
      <form className="flex flex-wrap items-end gap-3" role="search" aria-label="Filtrer le journal">
        <div className="flex flex-col">
          <label htmlFor="f-action" className="text-sm font-medium">Action commençant par</label>
          <input id="f-action" name="action" defaultValue={q.action ?? ""} className="rounded border border-gray-400 px-3 py-2" />
        </div>
        <div className="flex flex-col">
          <label htmlFor="f-actor" className="text-sm font-medium">Adresse e-mail de l&apos;auteur</label>
          <input id="f-actor" name="actorEmail" type="email" defaultValue={q.actorEmail ?? ""} className="rounded border border-gray-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">Filtrer</button>
      </form>
      <AuditTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} sort={q.sort} />
    </div>
  );
}
