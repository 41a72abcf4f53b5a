// The duplicate-person check is atomic (issue 16 §14): ten identical creations released together
// create one record; the nine others are told it probably exists already (409 through the API);
// « ce n'est pas un doublon » still creates. Names and e-mails with control characters are refused
// with a French 400 (issue 16 §15).
import { beforeEach, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { createJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { createJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { inviteUserSchema } from "@/lib/users/user.schema";
import { parseInput } from "@/lib/validation";
import { createPlatform } from "@/tests/factories";
import { createRuleSets, principal, seekerForm } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

/** Builds every call, then releases them together (a barrier, not a sleep). */
async function together<T>(n: number, fn: (i: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => { open = resolve; });
  const calls = Array.from({ length: n }, (_, i) => gate.then(() => fn(i)));
  open();
  return Promise.allSettled(calls);
}

describe("doublons et créations simultanées", () => {
  it("10 créations identiques simultanées : une fiche créée, 9 doublons signalés", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const input = createJobSeekerSchema.parse(seekerForm());
    const results = await together(10, () => createJobSeeker(db, assistant, input, {}, now));
    const statuses = results.map((r) => (r.status === "fulfilled" ? r.value.status : `rejected: ${String(r.reason)}`));
    expect(statuses.filter((s) => s === "CREATED")).toHaveLength(1);
    expect(statuses.filter((s) => s === "DUPLICATES")).toHaveLength(9);
    expect(await db.jobSeeker.count({ where: { platformId: lens.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.created" } })).toBe(1);
    // The explicit override still creates (and records which duplicates were overridden).
    const forced = await createJobSeeker(db, assistant, createJobSeekerSchema.parse(seekerForm({ confirmNotDuplicate: true })), {}, now);
    expect(forced.status).toBe("CREATED");
    expect(await db.jobSeeker.count({ where: { platformId: lens.id } })).toBe(2);
  });

  it("refuse les caractères de contrôle dans les noms et l'e-mail, avec un message en français", async () => {
    for (const [field, value] of [["lastName", "Dupont\nReconnectez-vous sur http://x"], ["firstName", "Zoé\tA"], ["email", "a\r\n@exemple.fr"], ["lastName", "Nul\u0007"]] as const) {
      const parsed = createJobSeekerSchema.safeParse(seekerForm({ [field]: value }));
      expect(parsed.success, `${field}: ${JSON.stringify(value)}`).toBe(false);
      if (field !== "email") expect(parsed.error!.issues.map((i) => i.message)).toContain("Caractères de contrôle (retour à la ligne, tabulation…) interdits.");
    }
    expect(createJobSeekerSchema.safeParse(seekerForm({ lastName: "D'Artagnan-Lefèvre" })).success).toBe(true);
    const user = inviteUserSchema.safeParse({ email: "x@region.test", firstName: "Anne\nVotre compte expire", lastName: "Nom", role: "PLATFORM_ASSISTANT", platformIds: [] });
    expect(user.success).toBe(false);
    expect(JSON.stringify(user.error?.issues)).toContain("Caractères de contrôle");
    // Through parseInput (what the routes and actions use): a 400 naming the field.
    expect(() => parseInput(createJobSeekerSchema, seekerForm({ lastName: "Dupont\nX" }))).toThrow(ValidationError);
    try {
      parseInput(createJobSeekerSchema, seekerForm({ lastName: "Dupont\nX" }));
    } catch (e) {
      expect(e).toMatchObject({ status: 400, fields: { lastName: ["Caractères de contrôle (retour à la ligne, tabulation…) interdits."] } });
    }
  });
});
