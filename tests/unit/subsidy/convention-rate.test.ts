// Issue 22 — FT convention art. 3.2 « soit XX % »: the rate of each convention.
import { describe, expect, it } from "vitest";
import { FRANCE_TRAVAIL_V1 } from "@/prisma/seed/rule-sets";
import { computeFinalBalance } from "@/lib/subsidy/subsidy-balance.rules";
import { updateSubsidyFileFormSchema } from "@/lib/subsidy/subsidy-file.schema";
import { computeFranceTravailContribution, withConventionRate } from "@/lib/subsidy/subsidy.rules";

const lines = [{ category: "RH_DEDIEES", label: "Conseiller", eligible: true, forecastCents: 5_000_000, actualCents: 2_000_000 }];
const input = { lines, staffEtp: 1, requestedCents: 0, territoryCofundingCents: 0, otherCofundingCents: 0, platform: { population: 0, companyCount: 0 } };

describe("per-convention rate", () => {
  it("art. 3.2: the contribution is the convention's rate × forecast eligible expenses; the rule set's rate is only the default", () => {
    expect(computeFranceTravailContribution(withConventionRate(FRANCE_TRAVAIL_V1, 5_000), input).grantCents).toBe(2_500_000);
    expect(computeFranceTravailContribution(withConventionRate(FRANCE_TRAVAIL_V1, null), input).rateBp).toBe(FRANCE_TRAVAIL_V1.fundingRateBp);
  });
  it("art. 3.2: revised down at the convention's rate when actual < forecast; refund = paid − final", () => {
    const b = computeFinalBalance({ funder: "FRANCE_TRAVAIL", rules: withConventionRate(FRANCE_TRAVAIL_V1, 6_250) }, { awardedCents: 3_125_000, paidCents: 1_562_500, staffEtp: 1, platform: input.platform, lines });
    expect(b.finalCents).toBe(1_250_000);
    expect(b.balanceCents).toBe(-312_500);
    expect(b.outcome).toBe("REFUND");
  });
  it("the form takes a French percentage", () => {
    const base = { version: "1", staffEtp: "1", requestedEuros: "0", territoryCofundingEuros: "0", otherCofundingEuros: "0" };
    expect(updateSubsidyFileFormSchema.parse({ ...base, fundingRatePercent: "62,5" }).fundingRateBp).toBe(6_250);
    expect(updateSubsidyFileFormSchema.parse({ ...base, fundingRatePercent: "" }).fundingRateBp).toBeUndefined();
    expect(updateSubsidyFileFormSchema.safeParse({ ...base, fundingRatePercent: "120" }).success).toBe(false);
    expect(updateSubsidyFileFormSchema.safeParse({ ...base, fundingRatePercent: "abc" }).success).toBe(false);
  });
});
