// tests/support/zod-body.ts builds valid bodies for the security suites: a field gets date values
// because its zod schema takes a date, not because its name ends in « on », « At » or « day »
// (« description » got « 2026-01-15 » first, so the suites never sent it real text).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dateField } from "@/lib/fields.schema";
import { updateAnnualRequestSchema } from "@/lib/subsidy/annual-request.schema";
import { validBody } from "@/tests/support/zod-body";

const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

describe("corps valides tirés du schéma zod", () => {
  it("un champ texte dont le nom finit en « on », « At » ou « day » reçoit du texte, pas une date", () => {
    const schema = z.object({
      description: z.string().min(1), season: z.string(), lookAt: z.string().max(40), holiday: z.string().optional(),
      signedOn: dateField("Signature"), startedAt: z.iso.date(), heldAt: z.iso.datetime().optional(), due: z.coerce.date(),
    });
    const found = validBody(schema)!;
    expect(found).not.toBeNull();
    for (const text of ["description", "season", "lookAt"]) expect(found.body[text], text).not.toMatch(DATE_LIKE);
    for (const date of ["signedOn", "startedAt", "due"]) expect(found.body[date], date).toMatch(DATE_LIKE);
  });

  it("la demande annuelle (description, programme d'action) reçoit du texte", () => {
    const found = validBody(updateAnnualRequestSchema, { source: { version: 3 } })!;
    expect(found.body).toMatchObject({ version: 3 });
    expect(found.body.description).toEqual(expect.any(String));
    expect(found.body.description).not.toMatch(DATE_LIKE);
  });

  it("un champ date derrière une union, un optionnel ou une intersection est reconnu", () => {
    const schema = z.intersection(z.object({ id: z.uuid() }), z.object({ closedOn: z.union([z.iso.date(), z.literal("")]).optional(), note: z.string() }));
    const found = validBody(schema)!;
    expect(found.body.note).toEqual(expect.any(String));
    expect(found.body.note).not.toMatch(DATE_LIKE);
    expect(found.body.closedOn ?? "2026-01-15").toMatch(DATE_LIKE);
    const dated = validBody(z.object({ closedOn: z.union([z.iso.date(), z.literal("")]), comment: z.string().min(3) }))!;
    expect(dated.body.closedOn).toMatch(DATE_LIKE);
  });
});
