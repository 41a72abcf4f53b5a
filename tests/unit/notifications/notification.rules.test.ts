import { describe, expect, it } from "vitest";
import { channelsFor, defaultChannels, eventReminderDue, monthToClose, NOTIFICATION_KINDS, NOTIFICATION_LABELS } from "@/lib/notifications/notification.rules";

describe("mois à clôturer", () => {
  it("le mois écoulé, à partir du délai compté en jours pleins après sa fin (heure de Paris)", () => {
    expect(monthToClose(new Date("2026-05-05T10:00:00Z"), 5)).toBeNull(); // 4 days after the end
    expect(monthToClose(new Date("2026-05-06T10:00:00Z"), 5)).toBe("2026-04");
    expect(monthToClose(new Date("2026-05-31T10:00:00Z"), 5)).toBe("2026-04");
    expect(monthToClose(new Date("2026-06-01T10:00:00Z"), 0)).toBe("2026-05");
  });

  it("passe l'année et suit le jour de Paris, pas celui d'UTC", () => {
    expect(monthToClose(new Date("2027-01-10T10:00:00Z"), 5)).toBe("2026-12");
    // 23:30 UTC on 31 May is already 1 June in Paris: May has just ended.
    expect(monthToClose(new Date("2026-05-31T23:30:00Z"), 0)).toBe("2026-05");
    expect(monthToClose(new Date("2026-05-31T21:30:00Z"), 0)).toBe("2026-04");
  });
});

describe("rappel d'événement", () => {
  const now = new Date("2026-05-04T06:30:00Z");
  it("dans la fenêtre, ni passé ni trop lointain", () => {
    expect(eventReminderDue(new Date("2026-05-07T09:00:00Z"), now, 7)).toBe(true);
    expect(eventReminderDue(new Date("2026-05-11T06:30:00Z"), now, 7)).toBe(true);
    expect(eventReminderDue(new Date("2026-05-12T09:00:00Z"), now, 7)).toBe(false);
    expect(eventReminderDue(new Date("2026-05-03T09:00:00Z"), now, 7)).toBe(false);
  });
});

describe("canaux par sorte", () => {
  it("chaque sorte a un libellé, et un choix enregistré l'emporte sur le défaut", () => {
    for (const k of NOTIFICATION_KINDS) expect(NOTIFICATION_LABELS[k].length).toBeGreaterThan(5);
    expect(defaultChannels("offer.stale")).toEqual({ inApp: true, email: false, digest: true });
    expect(defaultChannels("breach.deadline")).toEqual({ inApp: true, email: true, digest: false });
    const saved = new Map([["month.close", { inApp: false, email: true, digest: false }]]);
    expect(channelsFor("month.close", saved)).toEqual({ inApp: false, email: true, digest: false });
    expect(channelsFor("event.reminder", saved)).toEqual(defaultChannels("event.reminder"));
  });
});
