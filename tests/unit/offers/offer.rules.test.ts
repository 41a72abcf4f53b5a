import { describe, expect, it, vi } from "vitest";
import { allowedTransitions, applyHire, checkPositions, checkTransition, goesStale, OFFER_STATUSES, offerStaleness, statusForFilled, undoHire, type OfferStatus } from "@/lib/offers/offer.rules";

const d = (iso: string) => new Date(`${iso}T10:00:00Z`);
const RULES = { offerStaleDays: 60, offerExpireDays: 90, offerExpiryNoticeDays: 7 };

describe("machine à états des offres", () => {
  const expected: Record<OfferStatus, OfferStatus[]> = {
    DRAFT: ["OPEN", "CANCELLED"],
    OPEN: ["PARTIALLY_FILLED", "FILLED", "CANCELLED", "EXPIRED"],
    PARTIALLY_FILLED: ["FILLED", "CANCELLED", "EXPIRED"],
    FILLED: [],
    CANCELLED: [],
    EXPIRED: ["OPEN"],
  };
  for (const from of OFFER_STATUSES) {
    for (const to of OFFER_STATUSES) {
      const ok = expected[from].includes(to);
      it(`${from} → ${to} : ${ok ? "permis" : "refusé"}`, () => {
        const r = checkTransition(from, to);
        expect(r.ok).toBe(ok);
        if (!r.ok) expect(r.message).toMatch(/offre|déjà/);
      });
    }
  }

  it("explique le refus en français avec les états possibles", () => {
    const r = checkTransition("DRAFT", "FILLED");
    expect(r).toEqual({ ok: false, message: "Une offre « Brouillon » ne peut pas passer à « Pourvue » (possible : « Ouverte », « Annulée »)." });
    expect(checkTransition("CANCELLED", "OPEN")).toMatchObject({ ok: false, message: expect.stringContaining("état définitif") });
    expect(allowedTransitions("FILLED")).toEqual([]);
  });
});

describe("embauches et postes", () => {
  it("déduit l'état de remplissage", () => {
    expect(statusForFilled(3, 0)).toBe("OPEN");
    expect(statusForFilled(3, 1)).toBe("PARTIALLY_FILLED");
    expect(statusForFilled(3, 3)).toBe("FILLED");
    expect(statusForFilled(1, 1)).toBe("FILLED");
  });

  it("ajoute une embauche jusqu'à pourvoir tous les postes, puis refuse", () => {
    let offer = { status: "OPEN" as OfferStatus, positions: 2, positionsFilled: 0 };
    const first = applyHire(offer);
    expect(first).toEqual({ ok: true, value: { status: "PARTIALLY_FILLED", positions: 2, positionsFilled: 1 } });
    offer = first.ok ? first.value : offer;
    const second = applyHire(offer);
    expect(second).toEqual({ ok: true, value: { status: "FILLED", positions: 2, positionsFilled: 2 } });
    offer = second.ok ? second.value : offer;
    expect(applyHire(offer)).toMatchObject({ ok: false });
    expect(applyHire({ ...offer, status: "PARTIALLY_FILLED" })).toEqual({ ok: false, message: "Tous les postes de cette offre sont déjà pourvus (2)." });
  });

  it("refuse une embauche sur une offre annulée, expirée ou en brouillon", () => {
    for (const status of ["CANCELLED", "EXPIRED", "DRAFT"] as const) {
      expect(applyHire({ status, positions: 3, positionsFilled: 0 })).toMatchObject({ ok: false, message: expect.stringContaining("Impossible") });
    }
  });

  it("libère un poste en annulant une embauche", () => {
    expect(undoHire({ status: "FILLED", positions: 2, positionsFilled: 2 })).toEqual({ ok: true, value: { status: "PARTIALLY_FILLED", positions: 2, positionsFilled: 1 } });
    expect(undoHire({ status: "PARTIALLY_FILLED", positions: 2, positionsFilled: 1 })).toEqual({ ok: true, value: { status: "OPEN", positions: 2, positionsFilled: 0 } });
    expect(undoHire({ status: "OPEN", positions: 2, positionsFilled: 0 }).ok).toBe(false);
  });

  it("refuse un nombre de postes négatif, nul, décimal ou inférieur aux postes pourvus", () => {
    expect(checkPositions(-1, 0).ok).toBe(false);
    expect(checkPositions(0, 0).ok).toBe(false);
    expect(checkPositions(1.5, 0).ok).toBe(false);
    expect(checkPositions(2, 3)).toEqual({ ok: false, message: "3 poste(s) sont déjà pourvus : le nombre de postes ne peut pas être inférieur." });
    expect(checkPositions(3, 3)).toEqual({ ok: true, value: 3 });
  });
});

describe("offres sans activité", () => {
  it("reste active jusqu'à la veille du seuil", () => {
    expect(offerStaleness(d("2026-01-01"), d("2026-03-01"), RULES).state).toBe("ACTIVE"); // 59 jours
  });

  it("est signalée au 60e jour, avec le nombre de jours avant expiration", () => {
    const s = offerStaleness(d("2026-01-01"), d("2026-03-02"), RULES); // 60 jours
    expect(s).toMatchObject({ state: "STALE", daysLeft: 30, noticeDue: false });
    expect(s.expiresOn.toISOString().slice(0, 10)).toBe("2026-04-01");
  });

  it("annonce l'expiration dans les 7 derniers jours", () => {
    expect(offerStaleness(d("2026-01-01"), d("2026-03-24"), RULES)).toMatchObject({ state: "STALE", daysLeft: 8, noticeDue: false });
    expect(offerStaleness(d("2026-01-01"), d("2026-03-25"), RULES)).toMatchObject({ state: "STALE", daysLeft: 7, noticeDue: true });
  });

  it("expire au 90e jour et au-delà", () => {
    expect(offerStaleness(d("2026-01-01"), d("2026-04-01"), RULES).state).toBe("EXPIRE_NOW");
    expect(offerStaleness(d("2026-01-01"), d("2027-01-01"), RULES).state).toBe("EXPIRE_NOW");
  });

  it("compte les jours du calendrier de Paris, pas ceux du serveur (UTC)", () => {
    vi.stubEnv("TZ", "UTC");
    try {
      // 1 March, 23:30 UTC = 2 March, 00:30 in Paris: the 60th day has begun.
      expect(offerStaleness(d("2026-01-01"), new Date("2026-03-01T23:30:00Z"), RULES).state).toBe("STALE");
      // Last activity at 00:30 in Paris on 2 January (23:30 UTC on the 1st): on 2 March it is the 59th day.
      expect(offerStaleness(new Date("2026-01-01T23:30:00Z"), d("2026-03-02"), RULES).state).toBe("ACTIVE");
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("ne concerne que les offres ouvertes ou partiellement pourvues", () => {
    expect(OFFER_STATUSES.filter(goesStale)).toEqual(["OPEN", "PARTIALLY_FILLED"]);
  });
});
