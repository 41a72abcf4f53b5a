// How a list's total reads (shared by the server and the pagination component, so no server import).

/** « exact »: the count; « about »: an estimate of the table's size; « atLeast »: more than `value`. */
export type TotalKind = "exact" | "about" | "atLeast";

/** How a total reads in French: « 1 234 résultats », « environ 150 000 résultats », « plus de 10 000 résultats ». */
export function totalLabel(total: number, kind: TotalKind = "exact"): string {
  if (kind === "about") {
    const rounded = total >= 10_000 ? Math.round(total / 1000) * 1000 : total;
    return `environ ${rounded.toLocaleString("fr-FR")} résultats`;
  }
  if (kind === "atLeast") return `plus de ${total.toLocaleString("fr-FR")} résultats`;
  return `${total.toLocaleString("fr-FR")} résultat${total > 1 ? "s" : ""}`;
}
