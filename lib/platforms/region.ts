// The departments of the Région Hauts-de-France (Aisne, Nord, Oise, Pas-de-Calais, Somme): the
// EPCIs offered for a perimeter. Geography, not a business rule.
export const REGION_DEPARTMENTS = ["02", "59", "60", "62", "80"] as const;
