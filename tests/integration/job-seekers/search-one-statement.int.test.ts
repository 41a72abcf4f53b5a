// The name search in one statement (issue 18): the page's rows, their platform, their latest
// proposal and the number of matches come back in one round trip. It must answer exactly what the
// policy's Prisma where answers: the same people in the same order, the same total, the same cells,
// for every scope shape the policy gives a job-seeker reader (some platforms, a referent's people,
// none), every order, short and long terms, several terms, the origin filter, a page past the end.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import type { Prisma } from "@/lib/generated/prisma/client";
import { summarySelect, toSummary } from "@/lib/job-seekers/job-seeker.dto";
import { activeSeekerWhere, jobSeekerTermWhere, listJobSeekers, SEARCH_CAP } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import { createCompany, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

const ORDER_BY: Record<string, Prisma.JobSeekerOrderByWithRelationInput[]> = {
  name: [{ lastNameKey: "asc" }, { firstNameKey: "asc" }, { id: "asc" }],
  "-name": [{ lastNameKey: "desc" }, { firstNameKey: "desc" }, { id: "desc" }],
  lastContact: [{ lastContactAt: "asc" }, { id: "asc" }],
  "-lastContact": [{ lastContactAt: "desc" }, { id: "desc" }],
  createdAt: [{ createdAt: "asc" }, { id: "asc" }],
  "-createdAt": [{ createdAt: "desc" }, { id: "desc" }],
};

/** What the Prisma where of the policy answers: ids in order, and each person's cells. */
async function reference(user: CurrentUser, q: { q: string; origin?: "SPONTANE" | "PARTENAIRE"; sort: string }) {
  const terms = q.q.split(/\s+/).filter(Boolean);
  const rows = await db.jobSeeker.findMany({
    where: { AND: [activeSeekerWhere(user), ...terms.map(jobSeekerTermWhere), q.origin ? { origin: q.origin } : {}] },
    orderBy: ORDER_BY[q.sort],
    take: SEARCH_CAP + 1,
    select: {
      ...summarySelect,
      proposals: { orderBy: { statusChangedAt: "desc" }, take: 1, select: { kind: true, status: true, label: true, statusChangedAt: true, offer: { select: { title: true } } } },
    },
  });
  return rows.map(({ proposals: [last], ...r }) => ({
    ...toSummary(r),
    latestProposal: last ? { kind: last.kind, status: last.status, label: last.offer?.title ?? last.label ?? null, at: last.statusChangedAt.toISOString() } : null,
  }));
}

describe("recherche de demandeurs en une instruction", () => {
  it("answers what the policy's Prisma where answers, for every scope, order, term and page", async () => {
    const lens = await createPlatform(db, "Lens");
    const arras = await createPlatform(db, "Arras");
    const referent = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    const companyL = await createCompany(db, lens.id);
    const offer = await db.jobOffer.create({ data: { platformId: lens.id, companyId: companyL.id, title: "Cariste H/F", contractType: "CDI", source: "VISITE", status: "OPEN", receivedAt: new Date() } });
    const people: [string, string, string | null, string | null, string | null][] = [
      // lastName, firstName, email, city, France Travail id
      ["Martin", "Élodie", "elodie.martin@exemple.fr", "Lens", "1234567A"],
      ["martin", "Eloïse", null, "Liévin", null],
      ["Dupont", "Anne", "anne.d@exemple.fr", "Lens", "1234999B"],
      ["Dupont", "Anne", null, "Arras", null],
      ["Écrivain", "Marc", "marc@martinet.fr", null, null],
      ["Duval", "Maria", null, "Martinville", "7654321C"],
      ["Abel", "Zoé", "zoe_abel@exemple.fr", "Lens", null],
      ["O'Brien", "Du", null, "Dunkerque", null],
      ["Marteau", "Paul", "paul%marteau@exemple.fr", "Lens", null],
    ];
    const ids: string[] = [];
    let i = 0;
    for (const platform of [lens, arras]) {
      for (const [lastName, firstName, email, city, ft] of people) {
        i += 1;
        const id = randomUUID();
        ids.push(id);
        await db.jobSeeker.create({
          data: {
            id, platformId: platform.id, lastName, firstName, email, city, franceTravailId: platform === lens ? ft : null, origin: i % 3 ? "SPONTANE" : "PARTENAIRE",
            lastContactAt: new Date(Date.UTC(2026, 0, 1 + (i % 4))), referentId: i % 2 ? referent.id : null, birthDate: i % 5 ? new Date(Date.UTC(1990, 0, i)) : null,
            createdAt: new Date(Date.UTC(2025, 0, 1, 0, 0, i % 6)),
          },
        });
      }
    }
    // Proposals: none, one with an offer, several (the latest wins), one with a label only.
    const creator = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    const proposal = (jobSeekerId: string, platformId: string, day: number, extra: Partial<Prisma.ProposalUncheckedCreateInput>) =>
      db.proposal.create({ data: { platformId, jobSeekerId, kind: "JOB", proposedAt: new Date(Date.UTC(2026, 1, day)), statusChangedAt: new Date(Date.UTC(2026, 1, day)), createdById: creator.id, ...extra } });
    await proposal(ids[0]!, lens.id, 1, { offerId: offer.id });
    await proposal(ids[0]!, lens.id, 3, { label: "Atelier CV", kind: "TRAINING", status: "REFUSED" });
    await proposal(ids[2]!, lens.id, 2, { offerId: offer.id, status: "HIRED" });
    await proposal(ids[4]!, lens.id, 5, { label: "Forum emploi" });
    // Never listed: an archived person.
    await db.jobSeeker.create({ data: { platformId: lens.id, lastName: "Martin", firstName: "Archivé", origin: "SPONTANE", lastContactAt: new Date(), lifecycle: "ARCHIVED" } });

    const users: [string, CurrentUser][] = [
      ["plateforme", (await loadPrincipal(db, (await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] })).id))!],
      ["deux plateformes", (await loadPrincipal(db, (await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id, arras.id] })).id))!],
      ["référent", (await loadPrincipal(db, referent.id))!],
      ["aucune plateforme", (await loadPrincipal(db, (await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [] })).id))!],
    ];
    const searches: { q: string; origin?: "SPONTANE" | "PARTENAIRE" }[] = [
      { q: "martin" }, { q: "ma" }, { q: "du" }, { q: "é" }, { q: "lens" }, { q: "1234" }, { q: "martin lens" }, { q: "anne dupont" },
      { q: "%" }, { q: "_abel" }, { q: "martin", origin: "PARTENAIRE" }, { q: "exemple.fr" }, { q: "personne" },
    ];
    let compared = 0;
    for (const [who, user] of users) {
      for (const s of searches) {
        for (const sort of Object.keys(ORDER_BY)) {
          const expected = await reference(user, { ...s, sort });
          for (const page of [1, 2, 9]) {
            const got = await listJobSeekers(db, user, jobSeekerListQuerySchema.parse({ ...s, sort, page, pageSize: 2 }), { purpose: "test" });
            const slice = expected.slice((page - 1) * 2, page * 2);
            const context = `${who} · « ${s.q} »${s.origin ? ` · ${s.origin}` : ""} · ${sort} · page ${page}`;
            expect({ context, total: got.total, kind: got.totalKind }).toEqual({ context, total: expected.length, kind: "exact" });
            expect({ context, items: got.items })
              .toEqual({ context, items: slice });
            expect({ context, next: got.next !== null, prev: got.prev !== null }).toEqual({ context, next: expected.length > page * 2, prev: page > 1 && slice.length > 0 });
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(users.length * searches.length * 6 * 3);
  });
});
