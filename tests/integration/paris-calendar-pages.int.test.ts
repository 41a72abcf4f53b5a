// « This year » on the pages that default to it is the year in Paris, not the UTC year: at 23:30 UTC
// on 31 December (00:30 on 1 January in Paris) the governance year filter offers the new year, a new
// subsidy file is proposed for the year after it, and objectives and the annual report open on it.
// The open-data file downloaded then is dated 1 January. An event's convocation letters are named
// after the event's day in Paris, not its UTC day.
// The pages and the route are called in-process (as tests/integration/security/cross-site-reads.int.test.ts does)
// with the system date set to that instant.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
  }),
}));

import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import AnnualReportPage from "@/app/(app)/bilans/rapport-annuel/page";
import ObjectivesPage from "@/app/(app)/bilans/objectifs/page";
import SubsidyFilesPage from "@/app/(app)/financement/page";
import GovernancePage from "@/app/(app)/gouvernance/page";
import { GET as openDataFile } from "@/app/api/v1/open-data/subventions/route";
import { POST as eventLetters } from "@/app/api/v1/events/[id]/letters/route";
import { createEvent } from "@/lib/events/event.service";
import { env } from "@/lib/env";
import { createJobSeeker, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { withSessionCookie } from "@/tests/support/api-inproc";
import { db, resetDb } from "@/tests/support/db";

type Page = (p: { searchParams: Promise<Record<string, string>> }) => Promise<unknown>;
/** The page's element tree as JSON (React's internal fields and cycles left out). */
async function render(page: unknown): Promise<string> {
  const seen = new WeakSet<object>();
  return JSON.stringify(await (page as Page)({ searchParams: Promise.resolve({}) }), (key, value: unknown) => {
    if (key.startsWith("_")) return undefined;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    return value;
  });
}

/** Signs `userId` in (a session cookie signed at the faked time). */
async function signIn(userId: string) {
  current.headers = new Headers({ host: "localhost:3000" });
  current.cookie = await encode({ token: { sub: userId, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
}

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  const platform = await createPlatform(db, "Lens-Liévin");
  const userId = (await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platform.id] })).id;
  // 31 December, 23:30 UTC = 1 January 2027, 00:30 in Paris.
  vi.useFakeTimers({ now: new Date("2026-12-31T23:30:00Z"), toFake: ["Date"] });
  await signIn(userId);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("« cette année » des pages est l'année de Paris", () => {
  it("gouvernance : le filtre d'année commence à la nouvelle année", async () => {
    const html = await render(GovernancePage);
    expect(html).toContain('"value":2027');
  });

  it("financement : un nouveau dossier est proposé pour l'année suivant la nouvelle année", async () => {
    const html = await render(SubsidyFilesPage);
    expect(html).toContain('"defaultYear":2028');
  });

  it("objectifs : la page s'ouvre sur les cibles de la nouvelle année", async () => {
    const html = await render(ObjectivesPage);
    expect(html).toContain('"year":2027');
    expect(html).not.toContain('"year":2026');
  });

  it("rapport annuel : la page s'ouvre sur la nouvelle année", async () => {
    expect(await render(AnnualReportPage)).toMatch(/"Rapport annuel ",2027,/);
  });
});

describe("« aujourd'hui » des fichiers téléchargés est le jour de Paris", () => {
  it("données essentielles des conventions : le fichier CSV est daté du 1er janvier", async () => {
    await signIn((await createUser(db, { role: "REGION_FINANCE", allPlatforms: true })).id);
    const headers = withSessionCookie(current, new Headers({ host: "localhost:3000" }));
    current.headers = headers;
    const res = await openDataFile(new NextRequest(new URL("/api/v1/open-data/subventions?format=csv", "http://localhost:3000"), { headers }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="subventions-proch-emploi-2027-01-01.csv"');
  });
});

describe("le jour d'un instant dans le nom d'un fichier est le jour de Paris", () => {
  it("convocations à un événement du 31 décembre à 23:30 UTC : le fichier est daté du 1er janvier", async () => {
    // Printed ten days before: the name follows the event's day, not today.
    vi.setSystemTime(new Date("2026-12-20T10:00:00Z"));
    const platform = await createPlatform(db, "Arras");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [platform.id] });
    const { id } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Circuit court du nouvel an", date: new Date("2026-12-31T23:30:00Z"), place: "Salle des fêtes, Arras", capacity: null });
    const seeker = await createJobSeeker(db, platform.id);
    await signIn(assistant.id);
    const headers = withSessionCookie(current, new Headers({ host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json" }));
    current.headers = headers;
    const req = new NextRequest(new URL(`/api/v1/events/${id}/letters`, "http://localhost:3000"), { method: "POST", headers, body: JSON.stringify({ jobSeekerIds: [seeker.id], contactIds: [] }) });
    const res = await eventLetters(req, { params: Promise.resolve({ id }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="convocations-2027-01-01.pdf"');
  });
});
