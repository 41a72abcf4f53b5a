import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { CompanyListQuery, CompanySummary } from "@/lib/companies/company.schema";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";

const ORDER = {
  name: { name: "asc" },
  "-name": { name: "desc" },
  lastContact: { lastContactAt: { sort: "asc", nulls: "first" } },
  "-lastContact": { lastContactAt: { sort: "desc", nulls: "last" } },
  city: { city: "asc" },
  "-city": { city: "desc" },
} as const;

export async function listCompanies(db: Db, user: CurrentUser, q: CompanyListQuery) {
  const scope = scopeFor(user, "company");
  if (!scope) throw new ForbiddenError();
  const search = q.q
    ? { OR: [{ name: { contains: q.q, mode: "insensitive" as const } }, { siret: { startsWith: q.q.replace(/\s/g, "") } }, { city: { contains: q.q, mode: "insensitive" as const } }] }
    : {};
  const where = { AND: [scope, search, q.sector ? { sector: q.sector } : {}] };
  const [total, rows] = await Promise.all([
    db.company.count({ where }),
    db.company.findMany({
      where,
      orderBy: [ORDER[q.sort], { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, siret: true, name: true, sector: true, city: true, viaNumeroVert: true, lastContactAt: true, platform: { select: { name: true } } },
    }),
  ]);
  const items: CompanySummary[] = rows.map((c) => ({
    id: c.id,
    platform: c.platform.name,
    siret: c.siret,
    name: c.name,
    sector: c.sector,
    city: c.city,
    viaNumeroVert: c.viaNumeroVert,
    lastContactAt: c.lastContactAt?.toISOString() ?? null,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
}

export async function listCompanySectors(db: Db, user: CurrentUser): Promise<string[]> {
  const scope = scopeFor(user, "company");
  if (!scope) return [];
  const rows = await db.company.findMany({ where: { AND: [scope, { sector: { not: null } }] }, distinct: ["sector"], select: { sector: true }, orderBy: { sector: "asc" } });
  return rows.map((r) => r.sector).filter((s): s is string => s !== null);
}
