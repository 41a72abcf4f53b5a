import type { Metadata } from "next";
import Link from "next/link";
import { BreachTable } from "@/components/rights/breach-table";
import { requirePageUser } from "@/lib/auth/session";
import { can } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { breachListQuerySchema } from "@/lib/rights/breach.schema";
import { listBreaches } from "@/lib/rights/breach.service";
import { parseSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Registre des violations de données" };

const EXPORT = "/api/v1/breaches/export";

export default async function BreachesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("breach.read");
  const q = parseSearchParams(breachListQuerySchema, await searchParams);
  const result = await listBreaches(db, user, q);
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm"><Link href="/rgpd" className="text-brand-700 underline">Données personnelles</Link> › Violations</p>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Registre des violations de données</h1>
        <div className="flex flex-wrap gap-2">
          <a href={`${EXPORT}?format=xlsx`} download className="rounded border border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700">Exporter (XLSX)</a>
          <a href={`${EXPORT}?format=html`} target="_blank" rel="noopener" className="rounded border border-brand-600 px-4 py-2 text-sm font-semibold text-brand-700">Version imprimable</a>
          {can(user, "breach.record") ? <Link href="/rgpd/violations/nouvelle" className="rounded bg-brand-600 px-4 py-2 text-sm font-semibold text-white">Enregistrer une violation</Link> : null}
        </div>
      </div>
      <p className="text-muted">Toute violation de données personnelles est notifiée au responsable de traitement dans le délai fixé par les règles en vigueur, avec sa nature, les catégories et le nombre approximatif de personnes et d&apos;enregistrements, un contact, les conséquences probables et les mesures prises.</p>
      <BreachTable data={result.items} total={result.total} page={result.page} pageSize={result.pageSize} />
    </div>
  );
}
