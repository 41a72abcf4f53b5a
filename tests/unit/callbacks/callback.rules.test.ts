import { describe, expect, it, vi } from "vitest";
import { applyAttempt, attemptReached, attemptsLeft, callbackDueAt, callbackUrgency, type CallbackState } from "@/lib/callbacks/callback.rules";
import { attemptFormSchema, createAttemptSchema } from "@/lib/callbacks/callback.schema";

const RULES = { numeroVertCallbackDelayDays: 2, callbackMaxAttempts: 3 };
const d = (iso: string) => new Date(iso);

describe("échéance d'un rappel numéro vert", () => {
  it("tombe le délai du jeu de règles après l'appel, en jours calendaires", () => {
    expect(callbackDueAt(d("2026-03-10T09:15:00Z"), RULES)).toEqual(d("2026-03-12T09:15:00Z"));
  });

  it("ne saute pas le week-end : un appel du vendredi est dû le dimanche avec 2 jours", () => {
    expect(callbackDueAt(d("2026-03-13T16:00:00Z"), RULES)).toEqual(d("2026-03-15T16:00:00Z"));
  });

  it("suit la valeur du jeu de règles, jamais une constante", () => {
    expect(callbackDueAt(d("2026-03-10T09:15:00Z"), { numeroVertCallbackDelayDays: 5 })).toEqual(d("2026-03-15T09:15:00Z"));
  });
});

describe("tentatives d'appel", () => {
  const queued = (attemptCount: number): CallbackState => ({ status: "A_RAPPELER", attemptCount });

  it("un appel manqué laisse le rappel dans la file tant qu'il reste des tentatives", () => {
    expect(applyAttempt(queued(0), "INJOIGNABLE", RULES)).toEqual({ ok: true, value: { status: "A_RAPPELER", attemptCount: 1, closed: false } });
    expect(applyAttempt(queued(1), "INJOIGNABLE", RULES)).toEqual({ ok: true, value: { status: "A_RAPPELER", attemptCount: 2, closed: false } });
  });

  it("la dernière tentative manquée rend le rappel INJOIGNABLE et le clôt", () => {
    expect(applyAttempt(queued(2), "INJOIGNABLE", RULES)).toEqual({ ok: true, value: { status: "INJOIGNABLE", attemptCount: 3, closed: true } });
  });

  it("le nombre de tentatives vient du jeu de règles", () => {
    expect(applyAttempt(queued(0), "INJOIGNABLE", { callbackMaxAttempts: 1 })).toMatchObject({ ok: true, value: { status: "INJOIGNABLE", closed: true } });
    expect(applyAttempt(queued(2), "INJOIGNABLE", { callbackMaxAttempts: 5 })).toMatchObject({ ok: true, value: { status: "A_RAPPELER", closed: false } });
  });

  it("joindre l'entreprise clôt le rappel avec le résultat, même à la dernière tentative", () => {
    expect(applyAttempt(queued(0), "JOINT", RULES)).toEqual({ ok: true, value: { status: "JOINT", attemptCount: 1, closed: true } });
    expect(applyAttempt(queued(2), "BESOIN_QUALIFIE", RULES)).toEqual({ ok: true, value: { status: "BESOIN_QUALIFIE", attemptCount: 3, closed: true } });
  });

  it("refuse une tentative sur un rappel clos, avec un message en français", () => {
    for (const status of ["JOINT", "BESOIN_QUALIFIE", "INJOIGNABLE"] as const) {
      const r = applyAttempt({ status, attemptCount: 1 }, "JOINT", RULES);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/clos/);
    }
  });

  it("seul un appel abouti compte comme joint", () => {
    expect(attemptReached("INJOIGNABLE")).toBe(false);
    expect(attemptReached("JOINT")).toBe(true);
    expect(attemptReached("BESOIN_QUALIFIE")).toBe(true);
  });

  it("compte les tentatives restantes", () => {
    expect(attemptsLeft(queued(0), RULES)).toBe(3);
    expect(attemptsLeft(queued(2), RULES)).toBe(1);
    expect(attemptsLeft({ status: "INJOIGNABLE", attemptCount: 3 }, RULES)).toBe(0);
  });
});

describe("urgence d'un rappel", () => {
  const now = d("2026-03-10T10:00:00Z");
  it("en retard quand l'échéance est passée", () => {
    expect(callbackUrgency({ status: "A_RAPPELER", dueAt: d("2026-03-10T09:59:00Z") }, now)).toBe("OVERDUE");
  });
  it("à faire aujourd'hui quand l'échéance tombe plus tard dans la journée", () => {
    expect(callbackUrgency({ status: "A_RAPPELER", dueAt: d("2026-03-10T18:00:00Z") }, now)).toBe("DUE_TODAY");
  });
  it("à venir au-delà d'aujourd'hui", () => {
    expect(callbackUrgency({ status: "A_RAPPELER", dueAt: d("2026-03-12T10:00:00Z") }, now)).toBe("UPCOMING");
  });
  it("« aujourd'hui » est le jour de Paris, quel que soit le fuseau du serveur", () => {
    vi.stubEnv("TZ", "UTC");
    try {
      // 23:30 UTC on 5 December = 00:30 on the 6th in Paris: a callback due at 10:00 on the 6th is for today.
      expect(callbackUrgency({ status: "A_RAPPELER", dueAt: d("2026-12-06T09:00:00Z") }, d("2026-12-05T23:30:00Z"))).toBe("DUE_TODAY");
      // At 11:00 in Paris on the 6th, one due at 00:30 on the 7th in Paris (23:30 UTC on the 6th) is for tomorrow.
      expect(callbackUrgency({ status: "A_RAPPELER", dueAt: d("2026-12-06T23:30:00Z") }, d("2026-12-06T10:00:00Z"))).toBe("UPCOMING");
    } finally {
      vi.unstubAllEnvs();
    }
  });
  it("clos dès que le rappel n'est plus à faire, même après l'échéance", () => {
    expect(callbackUrgency({ status: "JOINT", dueAt: d("2026-03-01T10:00:00Z") }, now)).toBe("CLOSED");
  });
});

describe("saisie d'une tentative", () => {
  it("exige le besoin quand l'appel l'a qualifié", () => {
    const r = attemptFormSchema.safeParse({ outcome: "BESOIN_QUALIFIE", qualifiedNeed: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["qualifiedNeed"]);
    expect(r.error?.issues[0]?.message).toBe("Décrivez le besoin qualifié.");
  });

  it("exige la version du rappel dans l'API", () => {
    expect(createAttemptSchema.safeParse({ outcome: "JOINT" }).success).toBe(false);
    expect(createAttemptSchema.safeParse({ outcome: "JOINT", version: 2 }).success).toBe(true);
  });

  it("refuse un résultat inconnu avec un message français", () => {
    const r = attemptFormSchema.safeParse({ outcome: "PERDU" });
    expect(r.error?.issues[0]?.message).toBe("Indiquez le résultat de l'appel.");
  });
});
