import { describe, expect, it } from "vitest";
import { checkAttendance, checkRegistration, eventResults, placeRegistration, promotions } from "@/lib/events/event.rules";

const now = new Date("2026-11-23T10:00:00Z");

describe("événements circuit court", () => {
  it("place confirmée tant qu'il en reste, sinon liste d'attente ; sans capacité, pas de limite", () => {
    expect(placeRegistration(2, 0)).toBe("CONFIRMED");
    expect(placeRegistration(2, 1)).toBe("CONFIRMED");
    expect(placeRegistration(2, 2)).toBe("WAITLISTED");
    expect(placeRegistration(null, 500)).toBe("CONFIRMED");
  });
  it("refuse les inscriptions à un événement annulé", () => {
    expect(checkRegistration({ status: "CANCELLED" }).ok).toBe(false);
    expect(checkRegistration({ status: "PLANNED" }).ok).toBe(true);
  });
  it("présence et absence seulement une fois l'événement commencé ; l'excuse avant", () => {
    const future = new Date("2026-12-01T09:00:00Z");
    expect(checkAttendance(future, "PLANNED", "PRESENT", now)).toMatchObject({ ok: false });
    expect(checkAttendance(future, "PLANNED", "ABSENT", now)).toMatchObject({ ok: false });
    expect(checkAttendance(future, "PLANNED", "EXCUSED", now)).toMatchObject({ ok: true });
    expect(checkAttendance(new Date("2026-11-20"), "HELD", "PRESENT", now)).toMatchObject({ ok: true });
    expect(checkAttendance(new Date("2026-11-20"), "CANCELLED", "PRESENT", now)).toMatchObject({ ok: false });
  });
  it("promeut la liste d'attente dans l'ordre d'inscription", () => {
    const r = (id: string, at: string, waitlisted = true) => ({ id, registeredAt: new Date(at), waitlisted });
    const list = [r("c", "2026-11-03"), r("a", "2026-11-01", false), r("b", "2026-11-02")];
    expect(promotions(list, 1).map((x) => x.id)).toEqual(["b"]);
    expect(promotions(list, 5).map((x) => x.id)).toEqual(["b", "c"]);
    expect(promotions(list, 0)).toEqual([]);
  });
  it("résultats : inscrits hors attente, présents dont jeunes, entreprises, chefs de file, positionnements et embauches", () => {
    const r = eventResults({
      jobSeekers: [
        { attendance: "PRESENT", waitlisted: false, young: true },
        { attendance: "PRESENT", waitlisted: false, young: false },
        { attendance: "EXCUSED", waitlisted: false, young: true },
        { attendance: "REGISTERED", waitlisted: true, young: true },
      ],
      companies: [{ attendance: "PRESENT" }, { attendance: "ABSENT" }],
      chefs: [{ attendance: "PRESENT" }],
      proposals: [{ status: "HIRED" }, { status: "PROPOSED" }],
    });
    expect(r).toEqual({ jobSeekersRegistered: 3, waitlisted: 1, present: 2, excused: 1, absent: 0, youngPresent: 1, companiesPresent: 1, chefsDeFilePresent: 1, proposals: 2, hires: 1 });
  });
});
