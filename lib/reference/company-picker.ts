import "server-only";
// Company picker: name, SIRET or commune, accent-insensitive, within the user's scope;
// each option shows « name » and « commune · SIRET · platform » (two companies may share a name).
import type { CurrentUser } from "@/lib/auth/principal";
import { companyListWhere } from "@/lib/companies/company.query";
import { formatSiret } from "@/lib/companies/company.rules";
import type { DbOrTx } from "@/lib/db";
import type { RefOption } from "@/lib/reference/reference.schema";

export function companyOption(c: { id: string; name: string; siret: string; city: string | null; platform?: { name: string } | null }, showPlatform = false): RefOption {
  const bits = [c.city, formatSiret(c.siret), showPlatform ? c.platform?.name : null].filter(Boolean);
  return { value: c.id, label: c.name, description: bits.join(" · ") };
}

export async function searchCompanyOptions(db: DbOrTx, user: CurrentUser, q: string): Promise<RefOption[]> {
  if (q.trim() === "") return [];
  const where = companyListWhere(user, { q });
  const rows = await db.company.findMany({
    where,
    orderBy: [{ lastContactAt: { sort: "desc", nulls: "last" } }, { name: "asc" }, { id: "asc" }],
    take: 20,
    select: { id: true, name: true, siret: true, city: true, platform: { select: { name: true } } },
  });
  return rows.map((c) => companyOption(c, user.allPlatforms || user.platformIds.length > 1));
}
