// Factories for the company-side network: rule sets, callbacks, chefs de file, visits, follow-ups.
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUser } from "@/tests/factories";

export { createRuleSets } from "@/tests/factories";

export async function principal(db: Db, role: Role, platformIds: string[], extra: { allPlatforms?: boolean } = {}): Promise<CurrentUser> {
  const u = await createUser(db, { role, platformIds, ...extra });
  return (await loadPrincipal(db, u.id))!;
}

export async function createCallbackRow(db: Db, platformId: string, companyId: string, opts: { receivedAt?: Date; dueAt: Date; status?: "A_RAPPELER" | "JOINT" | "BESOIN_QUALIFIE" | "INJOIGNABLE" }) {
  return db.numeroVertCallback.create({
    data: { platformId, companyId, receivedAt: opts.receivedAt ?? new Date(opts.dueAt.getTime() - 2 * 86_400_000), dueAt: opts.dueAt, status: opts.status ?? "A_RAPPELER" },
  });
}

export async function createVisitRow(db: Db, platformId: string, companyId: string, date: Date, staffIds: string[]) {
  return db.visit.create({ data: { platformId, companyId, date, purpose: "Découverte de l'entreprise", staff: { create: staffIds.map((userId) => ({ userId })) } } });
}

export async function createFollowUpRow(db: Db, platformId: string, companyId: string, dueAt: Date, opts: { assignedToId?: string | null; doneAt?: Date } = {}) {
  return db.followUpAction.create({ data: { platformId, companyId, label: "Envoyer la fiche de poste", dueAt, assignedToId: opts.assignedToId ?? null, doneAt: opts.doneAt } });
}
