import "server-only";
// Job-seeker picker (a combobox searching the server): name, e-mail, France Travail id or commune,
// among the active records the user may see (optionally one platform's). Each option shows « NOM
// Prénom » and « née le … · commune » so that two people of the same name are told apart. A search
// reads personal data: it is audited like the list (`jobSeeker.list`, with its purpose).
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeSeekerWhere, jobSeekerTermWhere } from "@/lib/job-seekers/job-seeker.query";
import type { RefOption } from "@/lib/reference/reference.schema";
import { likeLiteral } from "@/lib/search/like";
import { normalizeSearch } from "@/lib/search/normalize";

const LIMIT = 20;

/** The list's term (indexes), or the name without accents anywhere (« ines » finds « Inès »). */
function termWhere(t: string): Prisma.JobSeekerWhereInput {
  const key = normalizeSearch(t);
  if (key.length <= 2) return jobSeekerTermWhere(t);
  return { OR: [jobSeekerTermWhere(t), { lastNameKey: { contains: likeLiteral(key) } }, { firstNameKey: { contains: likeLiteral(key) } }] };
}

export function jobSeekerOption(p: { id: string; lastName: string | null; firstName: string | null; birthDate: Date | null; city: string | null }): RefOption {
  const born = p.birthDate ? `né·e le ${p.birthDate.toISOString().slice(0, 10).split("-").reverse().join("/")}` : null;
  return { value: p.id, label: `${p.lastName ?? ""} ${p.firstName ?? ""}`.trim() || "(sans nom)", description: [born, p.city].filter(Boolean).join(" · ") || undefined };
}

export async function searchJobSeekerOptions(db: Db, user: CurrentUser, q: string, platformId?: string, requestId?: string): Promise<RefOption[]> {
  const terms = q.split(/\s+/).filter(Boolean);
  if (terms.length === 0) return [];
  const where: Prisma.JobSeekerWhereInput = { AND: [activeSeekerWhere(user), platformId ? { platformId } : {}, ...terms.map(termWhere)] };
  const rows = await db.jobSeeker.findMany({
    where,
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
    take: LIMIT,
    select: { id: true, lastName: true, firstName: true, birthDate: true, city: true },
  });
  await recordAudit(db, {
    action: "jobSeeker.list", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", reason: "Recherche d'une personne dans une liste de choix", requestId,
    metadata: { count: rows.length, search: true, picker: true },
  });
  return rows.map(jobSeekerOption);
}
