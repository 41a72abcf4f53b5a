import { beforeEach, describe, expect, it } from "vitest";
import { myDay } from "@/lib/home/my-day.service";
import { createCompany, createPlatform } from "@/tests/factories";
import { createCallbackRow, createFollowUpRow, createVisitRow, principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const now = new Date("2026-03-10T10:00:00Z");
const at = (iso: string) => new Date(iso);

describe("Ma journée", () => {
  it("liste les rappels dus ou en retard dans l'ordre de la file, sans ceux d'une autre plateforme", async () => {
    const lens = await createPlatform(db, "Lens");
    const amiens = await createPlatform(db, "Amiens");
    const a = await createCompany(db, lens.id, { name: "A" });
    const b = await createCompany(db, lens.id, { name: "B" });
    const x = await createCompany(db, amiens.id, { name: "X" });
    const today = await createCallbackRow(db, lens.id, a.id, { dueAt: at("2026-03-10T15:00:00Z") });
    const late = await createCallbackRow(db, lens.id, b.id, { dueAt: at("2026-03-08T09:00:00Z") });
    await createCallbackRow(db, lens.id, b.id, { dueAt: at("2026-03-12T09:00:00Z") });
    await createCallbackRow(db, lens.id, a.id, { dueAt: at("2026-03-01T09:00:00Z"), status: "JOINT" });
    await createCallbackRow(db, amiens.id, x.id, { dueAt: at("2026-03-08T09:00:00Z") });
    const assistant = await principal(db, "PLATFORM_ASSISTANT", [lens.id]);
    const day = await myDay(db, assistant, now);
    expect(day.callbacks.items.map((c) => [c.id, c.urgency])).toEqual([[late.id, "OVERDUE"], [today.id, "DUE_TODAY"]]);
    expect(day.callbacks.total).toBe(2);
  });

  it("compte les jours sur le calendrier de Paris : à 0 h 30 à Paris (23 h 30 UTC la veille), les rappels et visites du jour y sont, pas ceux de la veille", async () => {
    const lens = await createPlatform(db, "Lens");
    const c = await createCompany(db, lens.id, { name: "Acme" });
    const me = await principal(db, "PLATFORM_MANAGER", [lens.id]);
    const late = at("2026-12-05T23:30:00Z");
    const todayCallback = await createCallbackRow(db, lens.id, c.id, { dueAt: at("2026-12-06T09:00:00Z") });
    // A visit of yesterday (5 December, no hour: midnight UTC of that day) is no longer this week's.
    await createVisitRow(db, lens.id, c.id, at("2026-12-05T00:00:00Z"), [me.id]);
    const todayVisit = await createVisitRow(db, lens.id, c.id, at("2026-12-06T00:00:00Z"), [me.id]);
    // Follow-ups due yesterday and today (days, midnight UTC): only yesterday's is late.
    const yesterdays = await createFollowUpRow(db, lens.id, c.id, at("2026-12-05T00:00:00Z"), { assignedToId: me.id });
    const todays = await createFollowUpRow(db, lens.id, c.id, at("2026-12-06T00:00:00Z"), { assignedToId: me.id });
    const day = await myDay(db, me, late);
    expect(day.callbacks.items.map((i) => [i.id, i.urgency])).toEqual([[todayCallback.id, "DUE_TODAY"]]);
    expect(day.visits.items.map((v) => v.id)).toEqual([todayVisit.id]);
    expect(day.followUps.items.map((f) => [f.id, f.overdue])).toEqual([[yesterdays.id, true], [todays.id, false]]);
    // At noon the same day, today's action is still not late.
    expect((await myDay(db, me, at("2026-12-06T11:00:00Z"))).followUps.items.map((f) => [f.id, f.overdue])).toEqual([[yesterdays.id, true], [todays.id, false]]);
  });

  it("montre les visites de la semaine où l'utilisateur est attendu, et les suivis à lui ou à personne", async () => {
    const lens = await createPlatform(db, "Lens");
    const c = await createCompany(db, lens.id, { name: "Acme" });
    const me = await principal(db, "PLATFORM_MANAGER", [lens.id]);
    const colleague = await principal(db, "PLATFORM_ASSISTANT", [lens.id]);
    const mine = await createVisitRow(db, lens.id, c.id, at("2026-03-12T09:00:00Z"), [me.id, colleague.id]);
    await createVisitRow(db, lens.id, c.id, at("2026-03-12T14:00:00Z"), [colleague.id]);
    await createVisitRow(db, lens.id, c.id, at("2026-03-25T09:00:00Z"), [me.id]);
    await createVisitRow(db, lens.id, c.id, at("2026-03-09T09:00:00Z"), [me.id]);
    const overdue = await createFollowUpRow(db, lens.id, c.id, at("2026-03-05T09:00:00Z"), { assignedToId: me.id });
    const unassigned = await createFollowUpRow(db, lens.id, c.id, at("2026-03-14T09:00:00Z"));
    await createFollowUpRow(db, lens.id, c.id, at("2026-03-06T09:00:00Z"), { assignedToId: colleague.id });
    await createFollowUpRow(db, lens.id, c.id, at("2026-03-06T09:00:00Z"), { assignedToId: me.id, doneAt: at("2026-03-07T09:00:00Z") });
    await createFollowUpRow(db, lens.id, c.id, at("2026-04-30T09:00:00Z"), { assignedToId: me.id });
    const day = await myDay(db, me, now);
    expect(day.visits.items.map((v) => v.id)).toEqual([mine.id]);
    expect(day.followUps.items.map((f) => [f.id, f.overdue, f.mine])).toEqual([[overdue.id, true, true], [unassigned.id, false, false]]);
    expect(day.followUps.items[0]!.companyId).toBe(c.id);
  });
});
