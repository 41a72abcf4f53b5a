import "server-only";
// A job seeker's mobility perimeter in words: the codes stored (INSEE commune codes, EPCI SIREN,
// department or region numbers, by scope) shown and picked as « Liévin (62800) », « CA de
// Lens-Liévin », « Pas-de-Calais (62) », « Hauts-de-France » — never typed as raw codes.
import type { DbOrTx } from "@/lib/db";
import type { MobilityScope } from "@/lib/generated/prisma/enums";
import { DEPARTMENT_NAMES, REGION_DEPARTMENTS, REGION_NAMES } from "@/lib/platforms/region";
import { regionEpcis } from "@/lib/platforms/platform.service";
import { communeLabels } from "@/lib/reference/reference.query";
import type { RefOption } from "@/lib/reference/reference.schema";

/** The choices of the scopes given as a list (communes are searched on the server). */
export interface MobilityChoices {
  EPCI: RefOption[];
  DEPARTEMENT: RefOption[];
  REGION: RefOption[];
}

const departmentOption = (code: string): RefOption => ({ value: code, label: DEPARTMENT_NAMES[code] ? `${DEPARTMENT_NAMES[code]} (${code})` : `Département ${code}` });
const regionOption = (code: string): RefOption => ({ value: code, label: REGION_NAMES[code] ?? `Région ${code}` });

export async function mobilityChoices(db: DbOrTx): Promise<MobilityChoices> {
  const epcis = await regionEpcis(db, REGION_DEPARTMENTS);
  return {
    EPCI: epcis.map((e) => ({ value: e.code, label: e.name, description: "Intercommunalité" })),
    DEPARTEMENT: REGION_DEPARTMENTS.map(departmentOption),
    REGION: Object.keys(REGION_NAMES).map(regionOption),
  };
}

/** The stored codes of a perimeter with their labels, in the stored order (an unknown code stays visible as is). */
export async function mobilityAreaOptions(db: DbOrTx, scope: MobilityScope | null, codes: readonly string[]): Promise<RefOption[]> {
  if (!scope || codes.length === 0) return [];
  if (scope === "COMMUNE") {
    const labels = await communeLabels(db, codes);
    return codes.map((c) => ({ value: c, label: labels.get(c) ?? c }));
  }
  if (scope === "EPCI") {
    const rows = await db.commune.findMany({ where: { epciCode: { in: [...codes] } }, select: { epciCode: true, epciName: true }, distinct: ["epciCode"] });
    const names = new Map(rows.map((r) => [r.epciCode!, r.epciName ?? r.epciCode!]));
    return codes.map((c) => ({ value: c, label: names.get(c) ?? c }));
  }
  return codes.map(scope === "DEPARTEMENT" ? departmentOption : regionOption);
}
