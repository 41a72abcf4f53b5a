// The dashboard's shared computations (lib/bilans/shared-for.ts): one computation per key and period,
// shared by concurrent callers; recomputed after the period; a failure is not kept.
import { describe, expect, it } from "vitest";
import { sharedComputations } from "@/lib/bilans/shared-for";

describe("calculs partagés du tableau de bord", () => {
  it("un seul calcul pour des appels simultanés, recalculé après la durée", async () => {
    let now = 1_000;
    const shared = sharedComputations(() => now);
    let calls = 0;
    const compute = async () => ++calls;
    const [a, b] = await Promise.all([shared("k", 30_000, compute), shared("k", 30_000, compute)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    now += 29_999;
    expect(await shared("k", 30_000, compute)).toBe(1);
    now += 1;
    expect(await shared("k", 30_000, compute)).toBe(2);
    expect(await shared("autre", 30_000, compute)).toBe(3);
  });

  it("un calcul en échec n'est pas gardé : l'appel suivant recalcule", async () => {
    const shared = sharedComputations(() => 0);
    await expect(shared("k", 30_000, () => Promise.reject(new Error("base indisponible")))).rejects.toThrow("base indisponible");
    await Promise.resolve();
    expect(await shared("k", 30_000, async () => "ok")).toBe("ok");
  });

  it("reste borné : au-delà de 200 clés, la plus ancienne est oubliée", async () => {
    const shared = sharedComputations(() => 0);
    let calls = 0;
    for (let i = 0; i < 201; i++) await shared(`k${i}`, 30_000, async () => ++calls);
    expect(calls).toBe(201);
    await shared("k200", 30_000, async () => ++calls);
    expect(calls).toBe(201);
    await shared("k0", 30_000, async () => ++calls);
    expect(calls).toBe(202);
  });
});
