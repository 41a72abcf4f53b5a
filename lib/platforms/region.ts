// The departments of the Région Hauts-de-France (Aisne, Nord, Oise, Pas-de-Calais, Somme): the
// EPCIs offered for a perimeter. Geography, not a business rule.
export const REGION_DEPARTMENTS = ["02", "59", "60", "62", "80"] as const;

/** Names of the Région and of its departments, to show a code in words (« Pas-de-Calais (62) »). */
export const REGION_NAMES: Readonly<Record<string, string>> = { "32": "Hauts-de-France" };
export const DEPARTMENT_NAMES: Readonly<Record<string, string>> = { "02": "Aisne", "59": "Nord", "60": "Oise", "62": "Pas-de-Calais", "80": "Somme" };
