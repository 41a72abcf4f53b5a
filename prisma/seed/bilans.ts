// Issue 17: the demo has one recently closed monthly bilan, so that the referent's « bilans clôturés
// en attente de votre relecture » has a line on a fresh `npm start`. Closed through closeMonth (the
// service the « Clôturer » button calls): the snapshot holds the figures computed from the demo rows,
// and the closing is audited like any other.
import { addDaysUtc } from "@/lib/calendar-day";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { closeMonth } from "@/lib/bilans/bilan.service";
import { addMonths, currentMonth, monthDate } from "@/lib/indicators/period.rules";

/** Lens-Liévin's month before last, closed by its manager on the 5th of the next month. Returns 1. */
export async function closeDemoMonth(db: PrismaClient, now: Date): Promise<number> {
  const lens = await db.platform.findUniqueOrThrow({ where: { slug: "lens-lievin" }, select: { id: true } });
  const manager = await db.user.findUniqueOrThrow({ where: { email: "manager@lens.demo" }, select: { id: true } });
  const month = addMonths(currentMonth(now), -2);
  // Always in the past: the month after it is over or under way.
  const closedAt = new Date(addDaysUtc(monthDate(addMonths(month, 1)), 4).getTime() + 9.5 * 3_600_000);
  await closeMonth(db, { id: manager.id, role: "PLATFORM_MANAGER", allPlatforms: false, platformIds: [lens.id] }, { platformId: lens.id, month }, closedAt);
  return 1;
}
