// Issue 22 §7 — the confidentiality commitment is versioned and enforced on the API, not only by the
// pages' layout. Région convention, annex 1 art. 3.10.1: « Mise en place d'un engagement de
// confidentialité visant à ce que les personnes autorisées à traiter les Données à caractère
// personnel soient soumises à une obligation de confidentialité ». An account that has not accepted
// the version in force gets a French 403 on every data route, its profile stays reachable.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import { loadPrincipal } from "@/lib/auth/principal";
import { acceptCharter } from "@/lib/users/user.service";
import { createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { callRoute, handlerOf, credentialFor } from "@/tests/support/api-inproc";
import { db, resetDb } from "@/tests/support/db";

const route = (file: string, method = "GET") => ({ file, method, path: "" }) as unknown as Parameters<typeof handlerOf>[0];

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});
afterEach(async () => {
  await db.noticeText.deleteMany({ where: { kind: "CONFIDENTIALITY", version: { gt: 1 } } });
});

describe("engagement de confidentialité versionné, appliqué à l'API", () => {
  it("a new version blocks the data routes with a French 403 until it is accepted; the profile stays reachable", async () => {
    const lens = await createPlatform(db, "Lens");
    const user = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id], email: "charte@test.demo" });
    const token = await credentialFor(db, "charte@test.demo");
    const list = await handlerOf(route("app/api/v1/job-seekers/route.ts"));
    const me = await handlerOf(route("app/api/v1/me/route.ts"));

    expect((await callRoute(current, list, "GET", "/api/v1/job-seekers", token, {}, null)).status).toBe(200);

    await db.noticeText.create({ data: { kind: "CONFIDENTIALITY", version: 2, title: "Engagement de confidentialité", body: "Texte révisé.", validFrom: new Date(Date.now() - 60_000) } });
    const refused = await callRoute(current, list, "GET", "/api/v1/job-seekers", token, {}, null);
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/Engagement de confidentialité : acceptez sa version en vigueur/);
    expect((await callRoute(current, me, "GET", "/api/v1/me", token, {}, null)).status).toBe(200);

    const principal = (await loadPrincipal(db, user.id))!;
    expect(principal.charterAccepted).toBe(false);
    await acceptCharter(db, principal);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).charterVersion).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.charter.accepted", actorId: user.id } });
    expect(audit.metadata).toMatchObject({ version: 2 });
    expect((await callRoute(current, list, "GET", "/api/v1/job-seekers", token, {}, null)).status).toBe(200);
  });

  it("an account that never accepted reaches no data; a version not yet in force asks nothing", async () => {
    const lens = await createPlatform(db, "Lens");
    await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id], email: "jamais@test.demo", charter: false });
    await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id], email: "futur@test.demo" });
    const list = await handlerOf(route("app/api/v1/job-seekers/route.ts"));
    expect((await callRoute(current, list, "GET", "/api/v1/job-seekers", await credentialFor(db, "jamais@test.demo"), {}, null)).status).toBe(403);
    await db.noticeText.create({ data: { kind: "CONFIDENTIALITY", version: 2, title: "Engagement", body: "Futur.", validFrom: new Date(Date.now() + 86_400_000) } });
    expect((await callRoute(current, list, "GET", "/api/v1/job-seekers", await credentialFor(db, "futur@test.demo"), {}, null)).status).toBe(200);
  });
});
