import "server-only";
import type { DbOrTx } from "@/lib/db";

export interface CommuneOption {
  code: string;
  name: string;
  postalCode: string | null;
}

/** Communes of the given platforms' perimeters, for address and place pickers. */
export async function perimeterCommunes(db: DbOrTx, platformIds: readonly string[]): Promise<CommuneOption[]> {
  const platforms = await db.platform.findMany({ where: { id: { in: [...platformIds] } }, select: { perimeterInseeCodes: true } });
  const codes = [...new Set(platforms.flatMap((p) => p.perimeterInseeCodes))];
  const rows = await db.commune.findMany({ where: { inseeCode: { in: codes } }, select: { inseeCode: true, name: true, postalCodes: true }, orderBy: { name: "asc" } });
  return rows.map((r) => ({ code: r.inseeCode, name: r.name, postalCode: r.postalCodes[0] ?? null }));
}
