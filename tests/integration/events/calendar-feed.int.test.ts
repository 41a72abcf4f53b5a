// Issue 20: the private calendar feed of a staff member (secret URL, revocable, no job-seeker data).
import { beforeEach, describe, expect, it } from "vitest";
import { calendarFeedIcs, createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/feed.service";
import { createEvent, registerParticipant } from "@/lib/events/event.service";
import { createJobSeeker, createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("agenda personnel (ICS)", () => {
  it("lien secret (empreinte seule en base) ; événements de la plateforme sans nom de demandeur ; nouveau lien ou révocation → l'ancien ne marche plus", async () => {
    const lens = await createPlatform(db, "Lens");
    const other = await createPlatform(db, "Calais");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const calais = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [other.id] });
    const date = new Date(Date.now() + 5 * 86_400_000);
    const { id } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Rencontre BTP", date, place: "Liévin", capacity: null });
    await createEvent(db, calais, { kind: "CIRCUIT_COURT", title: "Autre", date, place: "Calais", capacity: null });
    const person = await createJobSeeker(db, lens.id);
    await registerParticipant(db, assistant, id, { type: "JOB_SEEKER", participantId: person.id });

    const url = await createCalendarFeed(db, assistant);
    const token = decodeURIComponent(/jeton=([^&]+)/.exec(url)![1]!);
    expect((await db.calendarFeed.findUniqueOrThrow({ where: { userId: assistant.id } })).tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const ics = (await calendarFeedIcs(db, token))!;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:Réunion circuit court — Liévin");
    expect(ics).not.toContain("Calais");
    expect(ics).not.toContain(person.lastName!);
    expect(ics).not.toContain(person.firstName!);

    const renewed = await createCalendarFeed(db, assistant);
    expect(await calendarFeedIcs(db, token)).toBeNull();
    const token2 = decodeURIComponent(/jeton=([^&]+)/.exec(renewed)![1]!);
    expect(await calendarFeedIcs(db, token2)).toContain("VEVENT");
    await revokeCalendarFeed(db, assistant);
    expect(await calendarFeedIcs(db, token2)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: { in: ["calendarFeed.created", "calendarFeed.revoked"] } } })).toBe(3);
  });
});
