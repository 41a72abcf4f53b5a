// Code review: one rule for error statuses across the API (lib/api/openapi.ts ERROR_TEXT, docs/architecture.md
// « Codes d'erreur ») — bad input 400 with the field, a value already taken or a duplicate 409 with the
// field, a business-rule refusal (a transition the status does not allow) 422. Before, a platform's name
// and an e-mail address already taken answered 400 where a SIRET answered 409, the same person
// registered twice to an event 400 where a second positioning answered 409, and PATCH proposals
// answered a forbidden transition 400 where an offer's answered 422. Real HTTP requests through the
// route handlers, with personal API tokens (administrator, platform manager), on the real database.
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { loadPrincipal } from "@/lib/auth/principal";
import { hashToken } from "@/lib/auth/session";
import { createEvent } from "@/lib/events/event.service";
import { createProposal } from "@/lib/proposals/proposal.service";
import { createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { createOffer, createRuleSets } from "@/tests/factories/job-seeker-side";
import { BASE_URL, inProcessFetch } from "@/tests/support/api-client";
import { db, resetDb } from "@/tests/support/db";

const http = inProcessFetch(current);

async function tokenOf(userId: string): Promise<string> {
  const token = `pe_${userId.replace(/-/g, "")}statuts`;
  await db.apiToken.create({ data: { userId, name: "intégration", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
  return token;
}

async function send(method: string, path: string, token: string, body: unknown): Promise<{ status: number; error?: { code: string; message: string; fields?: Record<string, string[]> } }> {
  const res = await http(new Request(`${BASE_URL}${path}`, { method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }));
  const json = (await res.json()) as { error?: { code: string; message: string; fields?: Record<string, string[]> } };
  return { status: res.status, error: json.error };
}

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  await db.commune.createMany({ data: [{ inseeCode: "62498", name: "Lens", postalCodes: ["62300"], departmentCode: "62", population: 31_000 }], skipDuplicates: true });
});

describe("codes d'erreur : 400 entrée invalide, 409 doublon ou valeur prise, 422 refus métier", () => {
  it("valeur déjà prise → 409 sur le champ : nom de plateforme (création et modification), adresse e-mail d'un compte", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const token = await tokenOf(admin.id);
    const platform = (name: string) => ({
      name, carryingStructureName: "Communauté d'agglomération", carryingStructureType: "EPCI", companyCount: 9000, staffEtp: 3,
      epciCodes: [], communeCodes: ["62498"], coPresidents: ["Élu·e A"], conventionStartDate: "2026-01-01", conventionEndDate: "2028-12-31",
    });
    expect((await send("POST", "/api/v1/platforms", token, platform("Béthune-Bruay"))).status).toBe(201);
    const other = await send("POST", "/api/v1/platforms", token, platform("Artois"));
    expect(other.status).toBe(201);
    const taken = { status: 409, error: { code: "CONFLICT", message: "Une plateforme porte déjà ce nom.", fields: { name: ["Une plateforme porte déjà ce nom."] } } };
    expect(await send("POST", "/api/v1/platforms", token, platform("Béthune-Bruay"))).toEqual(taken);
    const artois = await db.platform.findFirstOrThrow({ where: { name: "Artois" } });
    expect(await send("PATCH", `/api/v1/platforms/${artois.id}`, token, { ...platform("Béthune-Bruay"), version: artois.version })).toEqual(taken);

    const invite = { email: "pris@exemple.test", firstName: "Aline", lastName: "Martin", role: "PLATFORM_ASSISTANT", platformIds: [artois.id], allPlatforms: false };
    expect((await send("POST", "/api/v1/users", token, invite)).status).toBe(201);
    expect(await send("POST", "/api/v1/users", token, { ...invite, email: "PRIS@exemple.test" })).toEqual({
      status: 409, error: { code: "CONFLICT", message: "Un compte existe déjà avec cette adresse e-mail.", fields: { email: ["Un compte existe déjà avec cette adresse e-mail."] } },
    });
    // Bad input stays 400 on its field.
    expect((await send("POST", "/api/v1/users", token, { ...invite, email: "pas-une-adresse" })).status).toBe(400);
  });

  it("doublon → 409 : la même personne inscrite deux fois à un événement, comme un second positionnement sur une offre", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    const token = await tokenOf(manager.id);
    const person = await createJobSeeker(db, lens.id);
    const { id: eventId } = await createEvent(db, (await loadPrincipal(db, manager.id))!, { kind: "CIRCUIT_COURT", title: "Circuit court logistique", date: new Date(Date.now() + 10 * 86_400_000), place: "Lens", capacity: null });
    const participant = { type: "JOB_SEEKER", participantId: person.id };
    expect((await send("POST", `/api/v1/events/${eventId}/participants`, token, participant)).status).toBe(201);
    const twice = await send("POST", `/api/v1/events/${eventId}/participants`, token, participant);
    expect(twice).toMatchObject({ status: 409, error: { code: "CONFLICT", fields: { participantId: ["Cette personne est déjà inscrite."] } } });
    expect(await db.eventJobSeekerParticipation.count({ where: { eventId } })).toBe(1);

    const offer = await createOffer(db, lens.id);
    const proposal = { jobSeekerId: person.id, kind: "JOB", offerId: offer.id };
    expect((await send("POST", "/api/v1/proposals", token, proposal)).status).toBe(201);
    expect(await send("POST", "/api/v1/proposals", token, proposal)).toMatchObject({ status: 409, error: { code: "CONFLICT", fields: { offerId: ["Déjà positionné·e sur cette offre."] } } });
  });

  it("PATCH /api/v1/proposals/{id} : transition interdite → 422 sur le statut ; champ manquant d'une transition permise → 400 sur ce champ ; version périmée → 409", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    const token = await tokenOf(manager.id);
    const person = await createJobSeeker(db, lens.id);
    const offer = await createOffer(db, lens.id);
    const { id } = await createProposal(db, (await loadPrincipal(db, manager.id))!, { jobSeekerId: person.id, kind: "JOB", offerId: offer.id });
    const url = `/api/v1/proposals/${id}`;

    const skipped = await send("PATCH", url, token, { version: 1, status: "HIRED", hiredAt: "2026-11-20", contractType: "CDI" });
    expect(skipped).toEqual({
      status: 422,
      error: { code: "UNPROCESSABLE", message: "Un positionnement « Proposé » ne peut pas passer à « Embauché » (possible : « Accepté », « Refusé »).", fields: { status: ["Un positionnement « Proposé » ne peut pas passer à « Embauché » (possible : « Accepté », « Refusé »)."] } },
    });
    expect(await send("PATCH", url, token, { version: 1, status: "REFUSED" })).toMatchObject({ status: 400, error: { code: "VALIDATION_ERROR", fields: { reason: ["Choisissez le motif du refus dans la liste."] } } });
    expect((await send("PATCH", url, token, { version: 1, status: "ACCEPTED" })).status).toBe(200);
    // An allowed transition with a stale version: modified meanwhile.
    expect((await send("PATCH", url, token, { version: 1, status: "INTERVIEW" })).status).toBe(409);
    expect(await send("PATCH", url, token, { version: 2, status: "REFUSED", reason: "Distance / transport" })).toMatchObject({ status: 422, error: { code: "UNPROCESSABLE", fields: { status: [expect.stringContaining("ne peut pas passer")] } } });
    expect((await db.proposal.findUniqueOrThrow({ where: { id } })).status).toBe("ACCEPTED");
  });
});
