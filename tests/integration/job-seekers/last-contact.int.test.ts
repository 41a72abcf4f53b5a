// Issue 22 — the last contact drives retention (Région annex 1 art. 2: « à compter du dernier contact
// avec la personne »): an internal note is not a contact, an import never dates it to the import.
import { beforeEach, describe, expect, it } from "vitest";
import { previewJobSeekerImport, runJobSeekerImport } from "@/lib/imports/job-seeker-import.service";
import { addInteraction } from "@/lib/job-seekers/job-seeker.service";
import { createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");
beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("last contact, exactly", () => {
  it("an internal note does not move lastContactAt; a call does", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const seen = new Date("2026-05-02T09:00:00Z");
    const p = await db.jobSeeker.create({ data: { platformId: lens.id, lastName: "Note", origin: "SPONTANE", createdAt: seen, lastContactAt: seen, informedAt: seen } });
    await addInteraction(db, assistant, p.id, { kind: "NOTE", at: new Date("2026-11-20T09:00:00Z"), summary: "Relu le dossier en équipe" }, {}, now);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: p.id } })).lastContactAt).toEqual(seen);
    await addInteraction(db, assistant, p.id, { kind: "APPEL", at: new Date("2026-11-21T09:00:00Z"), summary: "Appel" }, {}, now);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: p.id } })).lastContactAt).toEqual(new Date("2026-11-21T09:00:00Z"));
  });

  it("an import takes the file's last-contact column, else the information date — never the import date", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const rows = [
      ["Nom", "Prénom", "Date de naissance", "Date d'information", "Dernier contact"],
      ["Ancien", "Contact", "01/02/1990", "01/03/2025", "15/06/2026"],
      ["Sans", "Contact", "02/02/1990", "01/04/2025", ""],
    ];
    const buffer = Buffer.from(rows.map((r) => r.join(";")).join("\n"), "utf8");
    const defaults = { origin: "PARTENAIRE" as const, informedChannel: "EN_PERSONNE" as const };
    const preview = await previewJobSeekerImport(db, assistant, { buffer, defaults }, now);
    expect(preview.mapping).toMatchObject({ lastContactAt: 4 });
    await runJobSeekerImport(db, assistant, { buffer, fileName: "x.csv", mapping: preview.mapping, duplicateMode: "SKIP", defaults }, undefined, now);
    const people = await db.jobSeeker.findMany({ orderBy: { lastName: "asc" }, select: { lastName: true, lastContactAt: true } });
    expect(people).toEqual([
      { lastName: "Ancien", lastContactAt: new Date("2026-06-15T00:00:00.000Z") },
      { lastName: "Sans", lastContactAt: new Date("2025-04-01T00:00:00.000Z") },
    ]);
  });
});
