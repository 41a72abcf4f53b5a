import { describe, expect, it } from "vitest";
import { emptyFigures } from "@/lib/indicators/indicators";
import { OBJECTIVE_KEYS, objectiveProgress, sumTargets } from "@/lib/objectives/objective.rules";

describe("objectifs de la convention", () => {
  it("n'accepte de cible que sur les indicateurs qui s'additionnent sur l'année", () => {
    expect(OBJECTIVE_KEYS.has("hires")).toBe(true);
    expect(OBJECTIVE_KEYS.has("chefsDeFileActive")).toBe(true);
    expect(OBJECTIVE_KEYS.has("callbackMedianDelayDays")).toBe(false);
    expect(OBJECTIVE_KEYS.has("governanceMeetingsRequired")).toBe(false);
  });

  it("compare le réalisé à la cible, dans l'ordre des indicateurs", () => {
    const f = { ...emptyFigures(), offersCollected: 4, hires: 3, jobSeekersReceived: 4 };
    const rows = objectiveProgress([{ indicatorKey: "jobSeekersReceived", target: 2 }, { indicatorKey: "offersCollected", target: 10 }, { indicatorKey: "hires", target: 3 }, { indicatorKey: "eventsHeld", target: 0 }], f);
    expect(rows.map((r) => [r.key, r.target, r.achieved, r.percent, r.met])).toEqual([
      ["offersCollected", 10, 4, 40, false],
      ["jobSeekersReceived", 2, 4, 200, true],
      ["hires", 3, 3, 100, true],
      ["eventsHeld", 0, 0, 100, true],
    ]);
  });

  it("additionne les cibles de plusieurs plateformes", () => {
    expect(sumTargets([[{ indicatorKey: "hires", target: 3 }], [{ indicatorKey: "hires", target: 2 }, { indicatorKey: "eventsHeld", target: 4 }]])).toEqual([
      { indicatorKey: "hires", target: 5 }, { indicatorKey: "eventsHeld", target: 4 },
    ]);
  });
});
