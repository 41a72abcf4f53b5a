import { expect, test } from "@playwright/test";
import { withDb } from "./security/fixtures";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

/**
 * A checksum of every row a retention run could change: people, contacts and chefs de file whose
 * last contact is more than 12 months old (a superset of every retention period in force), and the
 * rows attached to those people. Other specs run at the same time and write elsewhere, so the
 * whole database cannot be compared; these rows are the ones a real run would act on.
 */
async function retentionReachChecksum(): Promise<{ rows: number; sums: Record<string, string> }> {
  return withDb(async (c) => {
    const people = `SELECT id FROM "JobSeeker" WHERE lifecycle <> 'DESTROYED' AND "lastContactAt" < now() - interval '12 months'`;
    const old = (t: string) => `SELECT id FROM "${t}" WHERE lifecycle <> 'DESTROYED' AND ("lastContactAt" IS NULL OR "lastContactAt" < now() - interval '12 months')`;
    const sets: Record<string, string> = {
      JobSeeker: `id IN (${people})`,
      JobSeekerInteraction: `"jobSeekerId" IN (${people})`,
      Proposal: `"jobSeekerId" IN (${people})`,
      EventJobSeekerParticipation: `"jobSeekerId" IN (${people})`,
      MobilityDiagnostic: `"jobSeekerId" IN (${people})`,
      RightsRequest: `"jobSeekerId" IN (${people})`,
      JobSeekerRevision: `"jobSeekerId" IN (${people})`,
      CompanyContact: `id IN (${old("CompanyContact")})`,
      ChefDeFile: `id IN (${old("ChefDeFile")})`,
      ImportBatchItem: `"entityId" IN (${people} UNION ${old("CompanyContact")} UNION ${old("ChefDeFile")})`,
    };
    const sums: Record<string, string> = {};
    let rows = 0;
    for (const [table, where] of Object.entries(sets)) {
      const r = await c.query<{ n: string; sum: string | null }>(`SELECT count(*) AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS sum FROM "${table}" t WHERE ${where}`);
      rows += Number(r.rows[0]!.n);
      sums[table] = `${r.rows[0]!.n}:${r.rows[0]!.sum ?? "-"}`;
    }
    return { rows, sums };
  });
}

test("la DPO lance une simulation de conservation et lit son rapport, sans rien modifier", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.dpo.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/rgpd");
  await page.getByRole("link", { name: /Conservation des données/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conservation des données" })).toBeVisible();
  const before = await retentionReachChecksum();
  expect(before.rows, "le jeu de démonstration contient des données anciennes").toBeGreaterThan(0);
  await page.getByRole("button", { name: "Lancer une simulation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Rapport de simulation" })).toBeVisible();
  await expect(page.getByText("Simulation : aucune donnée n'a été modifiée.")).toBeVisible();
  await expect(page.getByTestId("total-jobSeeker.archive")).toHaveText(/^\d+$/);
  await expect(page.getByText("Aucune erreur.")).toBeVisible();
  // The simulation announced work…
  const announced = await Promise.all(["jobSeeker.archive", "jobSeeker.destroy", "companyContact.destroy"].map(async (a) => Number(await page.getByTestId(`total-${a}`).textContent())));
  expect(announced.reduce((x, y) => x + y, 0)).toBeGreaterThan(0);
  // …and did none of it: every row within the reach of retention is byte for byte the same.
  expect((await retentionReachChecksum()).sums).toEqual(before.sums);
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("link", { name: "Conservation des données" }).click();
  await expect(page.getByRole("cell", { name: "Simulation" }).first()).toBeVisible();

  const api = await page.request.get("/api/v1/purge-runs?dryRun=true");
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { total: number }).total).toBeGreaterThan(0);
});

test("une assistante de plateforme n'accède pas aux exécutions de la conservation", async ({ page }) => {
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  expect((await page.request.get("/api/v1/purge-runs")).status()).toBe(403);
  expect((await page.request.post("/api/v1/purge-runs/dry-run", { data: {} })).status()).toBe(403);
});
