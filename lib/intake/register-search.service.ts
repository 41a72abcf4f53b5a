import "server-only";
// Issue 23: the company picker of the public form « Vous recrutez ? » — the SIRENE register searched
// by name (or SIRET), without an account. Only the register's public data of an establishment
// (name, commune, SIRET) comes back: never anything of our own records (no join with Company, so the
// answer does not even tell whether a platform follows the company), never an individual
// entrepreneur (their register name is a person's name), never a closed establishment.
// Rate-limited per client address (OPERATIONS rule set `publicIntake.searchesPerIp`; lib/intake/public-search.limit.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { DbOrTx } from "@/lib/db";
import { assertPublicSearchAllowed } from "@/lib/intake/public-search.limit";
import { communeOptionLabel } from "@/lib/reference/reference.query";
import { normalizeSearch } from "@/lib/search/normalize";

export interface PublicRegisterMatch {
  /** The SIRET (the option's value). */
  value: string;
  label: string;
  description: string;
  /** What the form fills: SIRET, name and commune (INSEE code and its label). */
  siret: string;
  name: string;
  communeCode: string;
  communeLabel: string;
}

/** Whether a SIRENE register is loaded (the form offers the search only then). */
export async function registerLoaded(db: DbOrTx): Promise<boolean> {
  return (await db.sireneImport.count({ where: { status: "DONE" } })) > 0;
}

export async function searchPublicRegister(db: DbOrTx, q: string, ip: string, now = new Date()): Promise<PublicRegisterMatch[]> {
  await assertPublicSearchAllowed(db, "register", ip, now);
  const text = q.trim();
  const digits = text.replace(/\s/g, "");
  const byNumber = /^\d{9,14}$/.test(digits);
  const words = normalizeSearch(text).replace(/[-'’]/g, " ").split(" ").filter((w) => w.length > 0).slice(0, 6);
  // A name needs 3 letters: no enumeration of the register letter by letter.
  if (!byNumber && words.join("").length < 3) return [];
  const conds: Prisma.Sql[] = [Prisma.sql`e.active`, Prisma.sql`NOT e."individualEntrepreneur"`];
  if (byNumber) conds.push(Prisma.sql`e.siret LIKE ${digits + "%"}`);
  else for (const w of words) conds.push(Prisma.sql`lower(f_unaccent(e.name || ' ' || coalesce(e."legalName", ''))) LIKE ${"%" + w.replace(/[%_\\]/g, "") + "%"}`);
  const rows = await db.$queryRaw<{ siret: string; name: string; inseeCode: string; communeName: string | null; postalCode: string | null }[]>`
    SELECT e.siret, e.name, e."inseeCode", cm.name AS "communeName", e."postalCode"
    FROM "SireneEstablishment" e
    LEFT JOIN "Commune" cm ON cm."inseeCode" = e."inseeCode"
    WHERE ${Prisma.join(conds, " AND ")}
    ORDER BY e.name, e.siret
    LIMIT 10`;
  return rows.map((r) => {
    const communeLabel = r.communeName ? communeOptionLabel(r.communeName, r.postalCode) : r.inseeCode;
    return { value: r.siret, label: r.name, description: `SIRET ${r.siret} · ${communeLabel}`, siret: r.siret, name: r.name, communeCode: r.inseeCode, communeLabel };
  });
}
