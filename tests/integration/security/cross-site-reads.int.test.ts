// Audited reads cannot be triggered from another site (issue 16 §13): a link in an e-mail or an
// <img> must not put a reading — or the sender's « purpose » — on a person's record in the audit log.
// API reads with a cookie session refuse Sec-Fetch-Site cross-site / same-site and a foreign Origin
// (forged headers here), before anything is read or logged; a personal token is not ambient and is
// not affected. Reading an archived record with a reason is a POST (server action), and the page
// reads nothing from a `motif` in its address.
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { consultArchivedAction } from "@/app/(app)/rgpd/archives/[id]/actions";
import ArchivedRecordPage from "@/app/(app)/rgpd/archives/[id]/page";
import { GET as readJobSeeker } from "@/app/api/v1/job-seekers/[id]/route";
import { GET as listJobSeekers } from "@/app/api/v1/job-seekers/route";
import { hashToken } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createJobSeeker, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { withSessionCookie } from "@/tests/support/api-inproc";
import { db, resetDb } from "@/tests/support/db";

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, url: string, headers: Record<string, string>, params: Record<string, string> = {}) {
  const h = withSessionCookie(current, new Headers({ host: "localhost:3000", ...headers }));
  current.headers = h;
  return handler(new NextRequest(new URL(url, "http://localhost:3000"), { headers: h }), { params: Promise.resolve(params) });
}

let userId = "";
let personId = "";
let archivedId = "";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  const platform = await createPlatform(db, "Lens-Liévin");
  userId = (await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platform.id] })).id;
  personId = (await createJobSeeker(db, platform.id)).id;
  archivedId = (await createJobSeeker(db, platform.id, { lifecycle: "ARCHIVED" })).id;
  current.headers = new Headers({ host: "localhost:3000" });
  current.cookie = await encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
});

const readsOf = (entityId: string) => db.auditEvent.count({ where: { entityId, actorId: userId } });

describe("lectures auditées depuis un autre site (issue 16 §13)", () => {
  it("une fiche lue par l'API avec une finalité : refusée si le navigateur dit qu'elle vient d'un autre site, rien n'est journalisé", async () => {
    const url = `/api/v1/job-seekers/${personId}?purpose=${encodeURIComponent("Contrôle demandé par la Région")}`;
    const forged: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" },
      { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors", "sec-fetch-dest": "image" },
      { "sec-fetch-site": "same-site" },
      { origin: "https://attaquant.example" },
      { origin: "null" },
      { origin: "http://localhost:3000.attaquant.example", "sec-fetch-site": "same-origin" },
    ];
    for (const headers of forged) {
      const res = await call(readJobSeeker, url, headers, { id: personId });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe("Lecture demandée depuis un autre site refusée.");
    }
    const list = await call(listJobSeekers, "/api/v1/job-seekers", { "sec-fetch-site": "cross-site" });
    expect(list.status).toBe(403);
    expect(await readsOf(personId)).toBe(0);
    expect(await db.auditEvent.count({ where: { actorId: userId, action: { startsWith: "jobSeeker" } } })).toBe(0);

    // From our own pages (or a client that is not a browser), the same read works and is logged with its purpose.
    expect((await call(readJobSeeker, url, { "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }, { id: personId })).status).toBe(200);
    expect((await call(readJobSeeker, url, {}, { id: personId })).status).toBe(200);
    const logged = await db.auditEvent.findMany({ where: { entityId: personId, actorId: userId }, select: { reason: true } });
    expect(logged.map((e) => e.reason)).toEqual(["API : Contrôle demandé par la Région", "API : Contrôle demandé par la Région"]);
  });

  it("un jeton personnel n'est pas un identifiant ambiant : l'en-tête d'un autre site ne le concerne pas", async () => {
    current.cookie = undefined;
    const token = `pe_${randomBytes(24).toString("base64url")}`;
    await db.apiToken.create({ data: { userId, name: "test", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
    const res = await call(readJobSeeker, `/api/v1/job-seekers/${personId}`, { authorization: `Bearer ${token}`, "sec-fetch-site": "cross-site" }, { id: personId });
    expect(res.status).toBe(200);
  });

  it("fiche archivée : le motif dans l'adresse ne lit rien ; la lecture se fait par POST (action serveur) avec le motif journalisé", async () => {
    // The page as a cross-site link would open it: `motif` in the address is ignored, nothing read or logged.
    const page = ArchivedRecordPage as unknown as (p: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) => Promise<unknown>;
    const rendered = JSON.stringify(await page({ params: Promise.resolve({ id: archivedId }), searchParams: Promise.resolve({ motif: "Motif de l'attaquant, assez long" }) }));
    expect(rendered).not.toContain("Motif de l'attaquant");
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.archived.read", entityId: archivedId } })).toBe(0);

    const form = new FormData();
    form.set("id", archivedId);
    form.set("motif", "court");
    const refused = await consultArchivedAction(null, form);
    expect(refused).toMatchObject({ ok: false, fields: { _: ["Indiquez le motif de la consultation (10 caractères au moins)."] } });
    form.set("motif", "Demande d'accès de la personne reçue par courrier");
    const read = await consultArchivedAction(null, form);
    expect(read.ok && read.data.record.id).toBe(archivedId);
    const audit = await db.auditEvent.findMany({ where: { action: "jobSeeker.archived.read", entityId: archivedId }, select: { reason: true, actorId: true } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(userId);
    expect(JSON.stringify(audit[0])).toContain("Demande d'accès de la personne reçue par courrier");
  });
});
