// @vitest-environment jsdom
// A datetime-local field holds a Paris wall time (docs/architecture.md, « calendrier de Paris »),
// whatever zone renders the form: the server (UTC in production) or the browser. Its default (now,
// or the stored instant being edited) used to be the wall time of the rendering process's zone — a
// form rendered by the server at 10:00 in Paris showed 09:00 (08:00 in summer) — and the value
// typed was turned into an instant in the browser's zone, while the API reads a date-time without
// an offset as Paris time (parseInstant).
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }) }));

import { EditCallbackForm, NewCallbackForm } from "@/components/callbacks/callback-form";
import { BreachForm } from "@/components/rights/breach-form";
import type { CallbackDetail } from "@/lib/callbacks/callback.schema";
import type { BreachDto } from "@/lib/rights/breach.schema";
import { parseInstant } from "@/lib/fields.schema";
import { parisDateTimeLocal } from "@/lib/paris-day";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const CASES = [
  ["2026-12-06T09:00:00Z", "2026-12-06T10:00"], // winter, UTC+1
  ["2026-07-01T09:00:00Z", "2026-07-01T11:00"], // summer, UTC+2
  ["2026-12-31T23:30:00Z", "2027-01-01T00:30"], // already tomorrow (and next year) in Paris
] as const;

const breach = (detectedAt: string, notifiedAt: string | null = null): BreachDto => ({
  id: "00000000-0000-4000-8000-000000000001", detectedAt, notifiedAt, deadlineAt: detectedAt, remainingMs: null, overdue: false, late: false, countdown: "",
  nature: "Courriel envoyé au mauvais destinataire", dataCategories: [], peopleCategories: [], approxPeople: null, approxRecords: null, contact: null,
  consequences: null, measures: null, status: "OPEN", platform: null, recordedAt: detectedAt, recordedByPlatform: false, concernsFranceTravail: false, franceTravail: null,
  version: 1,
} as unknown as BreachDto);

const inputValue = (html: string, name: string): string | undefined => {
  const doc = new DOMParser().parseFromString(html, "text/html");
  return (doc.querySelector(`input[name="${name}"]`) as HTMLInputElement | null)?.value;
};

describe("datetime-local : heure de Paris, rendu serveur (TZ=UTC) comme navigateur", () => {
  it.each(CASES)("à %s, un nouveau rappel propose « %s »", (now, expected) => {
    for (const zone of ["UTC", "America/New_York"]) {
      vi.stubEnv("TZ", zone);
      vi.useFakeTimers({ now: new Date(now), toFake: ["Date"] });
      // app/(app)/rappels/nouveau/page.tsx passes the server's now.
      render(<NewCallbackForm staff={[]} now={new Date().toISOString()} />);
      expect((screen.getByLabelText("Appel reçu le") as HTMLInputElement).value, zone).toBe(expected);
      cleanup();
    }
  });

  it.each(CASES)("un rappel reçu à %s se modifie à partir de « %s »", (at, expected) => {
    vi.stubEnv("TZ", "UTC");
    const callback = { id: "00000000-0000-4000-8000-000000000002", receivedAt: at, assignedToId: null, qualifiedNeed: null, version: 1 } as unknown as CallbackDetail;
    render(<EditCallbackForm callback={callback} staff={[]} />);
    expect((screen.getByLabelText(/Appel reçu le/) as HTMLInputElement).value).toBe(expected);
  });

  it.each(CASES)("une violation détectée à %s : le serveur (UTC) rend « %s »", (at, expected) => {
    vi.stubEnv("TZ", "UTC");
    const html = renderToString(<BreachForm breach={breach(at, at)} />);
    expect(inputValue(html, "detectedAt")).toBe(expected);
    expect(inputValue(html, "notifiedAt")).toBe(expected);
  });
});

/** The bodies the form sends (answered 409, so that nothing navigates). */
function captureRequests(): unknown[] {
  const sent: unknown[] = [];
  vi.stubGlobal("fetch", vi.fn(async (_url: string, init: RequestInit) => {
    sent.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ error: { message: "Refusé pour le test." } }), { status: 409, headers: { "content-type": "application/json" } });
  }));
  return sent;
}

describe("datetime-local : la valeur saisie est l'heure de Paris", () => {
  it("la violation saisie « 2026-12-06T10:00 » part comme 09:00 UTC, depuis un navigateur à New York", async () => {
    vi.stubEnv("TZ", "America/New_York");
    const sent = captureRequests();
    const { container } = render(<BreachForm breach={breach("2026-11-01T12:00:00Z")} />);
    fireEvent.change(screen.getByLabelText(/Détectée le/), { target: { value: "2026-12-06T10:00" } });
    fireEvent.change(screen.getByLabelText(/Notifiée au responsable le/), { target: { value: "2026-07-01T11:00" } });
    fireEvent.submit(container.querySelector("form")!);
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ detectedAt: "2026-12-06T09:00:00.000Z", notifiedAt: "2026-07-01T09:00:00.000Z" });
  });

  it("le rappel saisi « 2026-07-01T11:00 » part comme 09:00 UTC, depuis un navigateur à New York", async () => {
    vi.stubEnv("TZ", "America/New_York");
    const sent = captureRequests();
    const callback = { id: "00000000-0000-4000-8000-000000000002", receivedAt: "2026-06-30T08:00:00Z", assignedToId: null, qualifiedNeed: null, version: 1 } as unknown as CallbackDetail;
    render(<EditCallbackForm callback={callback} staff={[]} />);
    fireEvent.change(screen.getByLabelText(/Appel reçu le/), { target: { value: "2026-07-01T11:00" } });
    fireEvent.click(screen.getByRole("button", { name: /Enregistrer/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ receivedAt: "2026-07-01T09:00:00.000Z" });
  });
});

describe("parisDateTimeLocal, des deux côtés des changements d'heure de 2026", () => {
  it.each([
    ["2026-03-29T00:59:00Z", "2026-03-29T01:59"], // last minute of winter time
    ["2026-03-29T01:00:00Z", "2026-03-29T03:00"], // 02:00 → 03:00
    ["2026-10-25T00:30:00Z", "2026-10-25T02:30"], // 02:30 summer time…
    ["2026-10-25T01:30:00Z", "2026-10-25T02:30"], // …and 02:30 again, winter time
    ["2026-10-25T02:00:00Z", "2026-10-25T03:00"],
  ])("%s → « %s », quel que soit le fuseau du processus", (at, expected) => {
    for (const zone of ["UTC", "America/New_York", "Asia/Tokyo"]) {
      vi.stubEnv("TZ", zone);
      expect(parisDateTimeLocal(new Date(at)), zone).toBe(expected);
      expect(parisDateTimeLocal(at), zone).toBe(expected);
    }
  });

  it("parseInstant relit la valeur comme le même instant (hors heure ambiguë, lue en heure d'hiver)", () => {
    for (const at of ["2026-03-29T00:59:00Z", "2026-03-29T01:00:00Z", "2026-07-01T09:00:00Z", "2026-10-25T01:30:00Z", "2026-12-31T23:30:00Z"]) {
      expect(parseInstant(parisDateTimeLocal(at)).toISOString()).toBe(new Date(at).toISOString());
    }
  });
});
