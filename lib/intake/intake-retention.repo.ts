// Retention of public intake requests (issue 23), for the nightly run (lib/retention): Prisma only.
// No "server-only": the job runner and scripts import it.
import type { DbOrTx } from "@/lib/db";

/** Open requests sent before `before`, in id order (the run walks them in batches). */
export function findIntakeCandidates(db: DbOrTx, before: Date, afterId: string | null, take: number) {
  return db.intakeRequest.findMany({
    where: { status: "A_TRAITER", submittedAt: { lt: before }, ...(afterId ? { id: { gt: afterId } } : {}) },
    select: { id: true, platformId: true, submittedAt: true },
    orderBy: { id: "asc" },
    take,
  });
}

/** Wipes the personal fields of a request still open; false when staff handled it meanwhile. */
export async function expireIntakeRequest(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.intakeRequest.updateMany({
    where: { id, status: "A_TRAITER" },
    data: { status: "EXPIREE", firstName: null, lastName: null, role: null, email: null, phone: null, need: null, preferredSlot: null, wipedAt: now, version: { increment: 1 } },
  });
  return count === 1;
}
