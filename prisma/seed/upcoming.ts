// Planned visits of the coming week, so that "Ma journée" has something to show on the demo.
// No faker draw here: ids come from a hash, so the rest of the seed keeps its exact sequence.
import { createHash } from "node:crypto";
import { addDaysUtc } from "@/lib/calendar-day";
import { VISIT_PURPOSES } from "./catalog";
import type { CompanyMeta } from "./companies";
import type { PlatformContext, Rows, SeedContext } from "./context";

function stableUuid(key: string): string {
  const h = createHash("sha256").update(key).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const PLAN = [
  { inDays: 1, hour: 9, purpose: VISIT_PURPOSES[1] },
  { inDays: 3, hour: 14, purpose: VISIT_PURPOSES[2] },
  { inDays: 6, hour: 10, purpose: VISIT_PURPOSES[0] },
];

export function planUpcomingVisits(ctx: SeedContext, p: PlatformContext, companies: CompanyMeta[], rows: Rows): void {
  if (p.staffIds.length === 0) return;
  PLAN.forEach((v, i) => {
    const company = companies[(i * 7) % companies.length];
    if (!company) return;
    const day = addDaysUtc(ctx.now, v.inDays);
    const date = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), v.hour - 1, 30));
    const id = stableUuid(`upcoming-visit:${p.id}:${i}`);
    // Planned: no outcome yet, and a future visit is not a contact (lastContactAt untouched).
    rows.visits.push({ id, platformId: p.id, companyId: company.id, date, timeSet: true, purpose: v.purpose ?? "Visite d'entreprise", partnersPresent: [], needs: [], createdById: p.staffIds[0], createdAt: ctx.now });
    for (const userId of p.staffIds) rows.visitStaff.push({ visitId: id, userId });
  });
}
