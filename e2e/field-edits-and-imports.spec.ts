import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/a11y";
import { ACCOUNTS } from "./support/accounts";
import { loginViaForm } from "./support/auth";

test("une assistante modifie une visite depuis sa page (formulaire accessible)", async ({ page }) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const list = (await (await page.request.get("/api/v1/visits?pageSize=1&when=past")).json()) as { items: { id: string; purpose: string }[] };
  const visit = list.items[0]!;
  await page.goto(`/visites/${visit.id}`);
  await page.getByRole("link", { name: "Modifier la visite" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Modifier la visite du");
  await expect(page.getByLabel("Objet de la visite")).toHaveValue(visit.purpose);
  expect(await axeViolations(page)).toEqual([]);

  const purpose = `Point recrutement revu ${Date.now()}`;
  await page.getByLabel("Objet de la visite").fill(purpose);
  await page.getByRole("checkbox", { name: "GPEC" }).check();
  await page.getByRole("button", { name: "Ajouter une action de suivi" }).click();
  await page.getByLabel("Intitulé de l'action 1", { exact: true }).fill("Relancer la DRH");
  await page.getByRole("button", { name: "Enregistrer la visite" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Visite du");
  await expect(page.getByText(purpose)).toBeVisible();
  await expect(page.getByText("Relancer la DRH", { exact: true })).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/visits/${visit.id}`)).json()) as { purpose: string; needs: string[]; version: number; date: string; staff: { id: string }[] };
  expect(after.purpose).toBe(purpose);
  expect(after.needs).toContain("GPEC");

  // The old version is now stale: the API refuses it (409) instead of overwriting.
  const stale = await page.request.patch(`/api/v1/visits/${visit.id}`, {
    headers: { origin: new URL(page.url()).origin },
    data: { date: after.date.slice(0, 10), purpose: "Écrasement", staffIds: after.staff.map((s) => s.id), version: after.version - 1 },
  });
  expect(stale.status()).toBe(409);
});

test("une assistante importe des demandeurs d'emploi depuis un CSV : aperçu, import, puis annulation", async ({ page }) => {
  test.setTimeout(120_000);
  const tag = `Importe${Date.now().toString(36)}`;
  const csv = [
    "Nom;Prénom;Date de naissance;E-mail",
    `${tag};Alice;15/03/1990;alice.${tag.toLowerCase()}@exemple.fr`,
    `${tag};Bruno;01/02/1985;`,
    `${tag};Chloé;31/13/1990;`,
  ].join("\n");
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  await page.goto("/demandeurs");
  await page.getByRole("link", { name: "Importer un fichier" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des demandeurs d'emploi");
  expect(await axeViolations(page)).toEqual([]);

  await page.getByLabel(/Fichier CSV ou Excel/).setInputFiles({ name: "inscrits.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByLabel("Informé·es du traitement le").fill("2026-11-02");
  await page.getByLabel("Informé·es par").selectOption({ label: "En personne" });
  await page.getByLabel("Arrivé·es par").selectOption({ label: "Orienté·e par un partenaire" });
  await page.getByRole("button", { name: "Analyser le fichier" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("3 ligne(s) lue(s) : 2 prête(s) à importer, 1 en erreur");
  await expect(page.getByTestId("import-errors")).toContainText("Ligne 4 — Date de naissance :");
  expect(await axeViolations(page)).toEqual([]);

  await page.getByRole("button", { name: /Lancer l'import/ }).click();
  await expect(page.getByTestId("import-report")).toContainText("2 personne(s) créée(s), 0 fiche(s) mise(s) à jour, 0 ignorée(s), 1 ligne(s) en erreur");
  await expect(page.getByText(/inscrits\.csv : 2 créée\(s\)/)).toBeVisible();
  const api = (await (await page.request.get(`/api/v1/job-seekers?q=${tag}`)).json()) as { total: number; items: { informedAt: string; origin: string }[] };
  expect(api.total).toBe(2);
  expect(api.items.every((p) => p.origin === "PARTENAIRE" && p.informedAt.startsWith("2026-11-02"))).toBe(true);

  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Annuler cet import" }).click();
  await expect(page.getByText(/inscrits\.csv : 2 créée\(s\).*annulé/)).toBeVisible();
  const after = (await (await page.request.get(`/api/v1/job-seekers?q=${tag}`)).json()) as { total: number };
  expect(after.total).toBe(0);
});

test("le bouton « Fusionner » de l'alerte doublon mène à la fusion dans la fiche existante, présélectionnée", async ({ page }) => {
  test.setTimeout(120_000);
  const name = `Fusion${Date.now().toString(36)}`;
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const origin = new URL(page.url()).origin;
  const res = await page.request.post("/api/v1/job-seekers", {
    headers: { origin },
    data: { lastName: name, firstName: "Élodie", birthDate: "1991-04-12", origin: "SPONTANE", informedAt: "2026-01-05", informedChannel: "EN_PERSONNE" },
  });
  expect(res.status()).toBe(201);
  const existing = (await res.json()) as { id: string };

  await page.goto("/demandeurs/nouveau");
  await page.getByLabel("Nom", { exact: true }).fill(name.toUpperCase());
  await page.getByLabel("Prénom", { exact: true }).fill("Elodie");
  await page.getByLabel("Date de naissance (facultative)", { exact: true }).fill("1991-04-12");
  await page.getByLabel("Téléphone ou e-mail", { exact: true }).fill("0612345678");
  await page.getByRole("radio", { name: "Numéro vert" }).check();
  await page.getByLabel("Informé·e du traitement de ses données le", { exact: true }).fill("2026-01-05");
  await page.getByRole("radio", { name: "Téléphone", exact: true }).check();
  await page.getByRole("button", { name: "Enregistrer le demandeur" }).click();
  await expect(page.getByRole("heading", { name: "Cette personne existe probablement déjà" })).toBeVisible();
  await page.getByRole("button", { name: /^Fusionner avec la fiche de/ }).click();

  await expect(page).toHaveURL(new RegExp(`/demandeurs/${existing.id}\\?fusionner=`));
  const preselected = page.getByTestId("merge-preselected");
  await expect(preselected).toContainText("Fiche que vous venez de saisir");
  await expect(preselected.getByRole("button", { name: /Fusionner dans cette fiche/ })).toBeFocused();
  page.on("dialog", (d) => void d.accept());
  await preselected.getByRole("button", { name: /Fusionner dans cette fiche/ }).click();
  await expect(page.getByTestId("merge-preselected")).toHaveCount(0);
  const list = (await (await page.request.get(`/api/v1/job-seekers?q=${name}`)).json()) as { total: number; items: { id: string; phone: string | null }[] };
  expect(list.total).toBe(1);
  // The kept record is the existing one, completed with what was typed (its empty phone).
  expect(list.items[0]).toMatchObject({ id: existing.id, phone: "06 12 34 56 78" });
});

test("une assistante modifie puis annule un événement avec un motif ; il reste visible comme annulé", async ({ page }) => {
  test.setTimeout(120_000);
  await loginViaForm(page, ACCOUNTS.assistantLens.email);
  await expect(page.getByTestId("home-role")).toBeVisible();
  const title = `Forum à annuler ${Date.now().toString(36)}`;
  const res = await page.request.post("/api/v1/events", { headers: { origin: new URL(page.url()).origin }, data: { kind: "FORUM", title, date: "2030-05-12T09:30:00Z", place: "Lens", capacity: 10 } });
  expect(res.status()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await page.goto(`/evenements/${id}`);
  await page.getByRole("link", { name: "Modifier ou annuler" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Modifier l'événement");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel("Lieu (obligatoire)", { exact: true }).fill("Maison de l'emploi de Liévin");
  await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText(/Maison de l'emploi de Liévin/).first()).toBeVisible();

  await page.getByRole("link", { name: "Modifier ou annuler" }).click();
  await page.getByLabel("Motif de l'annulation (obligatoire)").fill("Salle indisponible");
  page.on("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Annuler l'événement" }).click();
  await expect(page.getByTestId("event-cancelled")).toContainText("motif : Salle indisponible");
  await expect(page.getByRole("link", { name: "Modifier ou annuler" })).toHaveCount(0);
  const api = (await (await page.request.get(`/api/v1/events/${id}`)).json()) as { status: string; cancelReason: string };
  expect(api).toMatchObject({ status: "CANCELLED", cancelReason: "Salle indisponible" });
});
