// @vitest-environment jsdom
// Issue 14 §2 — the combobox, driven with the keyboard only (Testing Library + user-event in jsdom):
// WAI-ARIA attributes, typing filters, arrows move, Enter picks, Escape closes, live-region
// announcements, and the server search against a real local HTTP server: debounced, never more
// than one request per 150 ms, stale answers ignored.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Combobox, MIN_DEBOUNCE_MS, type ComboOption } from "@/components/ui/combobox";

afterEach(cleanup);

const COMMUNES: ComboOption[] = [
  { value: "62510", label: "Liévin (62800)" },
  { value: "62498", label: "Lens (62300)" },
  { value: "62413", label: "Hénin-Beaumont (62110)" },
  { value: "59350", label: "Lille (59000)" },
];

function form(props: Partial<Parameters<typeof Combobox>[0]> = {}) {
  render(
    <form data-testid="f">
      <Combobox label="Commune" name="communeCode" options={COMMUNES} hint="Nom ou code postal" {...props} />
      <button type="submit">Envoyer</button>
    </form>,
  );
  return {
    input: screen.getByRole("combobox", { name: /Commune/ }),
    hidden: () => (screen.getByTestId("f") as HTMLFormElement).elements.namedItem("communeCode") as HTMLInputElement,
  };
}

describe("Combobox — clavier et lecteurs d'écran", () => {
  it("porte les attributs du motif combobox ARIA 1.2 et relie libellé, aide et liste", async () => {
    const { input } = form({ required: true, error: "Commune : champ obligatoire." });
    expect(input.getAttribute("aria-autocomplete")).toBe("list");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    const listId = input.getAttribute("aria-controls")!;
    const list = document.getElementById(listId)!;
    expect(list.getAttribute("role")).toBe("listbox");
    expect(list.hidden).toBe(true);
    expect(input.getAttribute("aria-required")).toBe("true");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    const described = input.getAttribute("aria-describedby")!.split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["Nom ou code postal", "Commune : champ obligatoire."]); // the icon is an aria-hidden SVG, not text
  });

  it("au clavier seul : taper filtre, les flèches déplacent, Entrée choisit, l'annonce suit", async () => {
    const user = userEvent.setup();
    const { input, hidden } = form();
    await user.tab();
    expect(document.activeElement).toBe(input);
    await user.keyboard("li");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    const options = screen.getAllByRole("option");
    expect(options.map((o) => o.textContent)).toEqual(["Liévin (62800)", "Lille (59000)"]);
    expect(screen.getByRole("status").textContent).toMatch(/^2 résultats/);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[1]!.id);
    expect(options[1]!.getAttribute("aria-selected")).toBe("true");
    await user.keyboard("{ArrowUp}");
    expect(input.getAttribute("aria-activedescendant")).toBe(options[0]!.id);
    await user.keyboard("{Enter}");
    expect(hidden().value).toBe("62510");
    expect((input as HTMLInputElement).value).toBe("Liévin (62800)");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.hasAttribute("aria-activedescendant")).toBe(false);
  });

  it("sans accent ni majuscule ; Entrée sans surlignage prend la première proposition", async () => {
    const user = userEvent.setup();
    const { input, hidden } = form();
    await user.click(input);
    await user.keyboard("HENIN");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Hénin-Beaumont (62110)"]);
    await user.keyboard("{Enter}");
    expect(hidden().value).toBe("62413");
  });

  it("Échap ferme la liste puis, une seconde fois, vide le champ ; Entrée liste fermée envoie le formulaire", async () => {
    const user = userEvent.setup();
    let submitted = 0;
    render(
      <form onSubmit={(e) => { e.preventDefault(); submitted++; }}>
        <Combobox label="Commune" name="communeCode" options={COMMUNES} defaultValue={COMMUNES[1]} />
      </form>,
    );
    const input = screen.getByRole("combobox", { name: "Commune" }) as HTMLInputElement;
    await user.click(input);
    await user.keyboard("{ArrowDown}");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    await user.keyboard("{Escape}");
    expect(input.getAttribute("aria-expanded")).toBe("false");
    expect(input.value).toBe("Lens (62300)");
    await user.keyboard("{Enter}");
    expect(submitted).toBe(1);
    await user.keyboard("{Escape}");
    expect(input.value).toBe("");
    expect((document.querySelector('input[name="communeCode"]') as HTMLInputElement).value).toBe("");
  });

  it("annonce l'absence de résultat", async () => {
    const user = userEvent.setup();
    const { input } = form();
    await user.click(input);
    await user.keyboard("zzz");
    expect(screen.queryAllByRole("option")).toHaveLength(0);
    expect(screen.getByRole("status").textContent).toBe("Aucun résultat.");
  });
});

describe("Combobox — recherche serveur (vrai serveur HTTP local)", () => {
  let server: Server;
  let base = "";
  const hits: { q: string; at: number }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const q = new URL(req.url!, "http://x").searchParams.get("q") ?? "";
      hits.push({ q, at: performance.now() });
      const items = q.toLowerCase().startsWith("soud") ? [{ value: "H2913", label: "H2913 — Soudage manuel", description: "Soudeur / Soudeuse à l'arc électrique" }] : [];
      // A slow answer for short queries, so that a stale answer arrives after a newer one.
      setTimeout(() => {
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ items }));
      }, q.length < 4 ? 400 : 10);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rome`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  afterEach(() => { hits.length = 0; });

  it("une frappe rapide ne déclenche qu'une requête, après le délai ; le résultat se choisit au clavier", async () => {
    const user = userEvent.setup();
    render(<Combobox label="Métier (ROME)" name="romeCode" searchUrl={base} />);
    const input = screen.getByRole("combobox", { name: "Métier (ROME)" }) as HTMLInputElement;
    await user.click(input);
    const started = performance.now();
    await user.keyboard("soudeur");
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(1));
    expect(hits.map((h) => h.q)).toEqual(["soudeur"]);
    expect(hits[0]!.at - started).toBeGreaterThanOrEqual(MIN_DEBOUNCE_MS);
    expect(screen.getByRole("option").textContent).toContain("Soudeur / Soudeuse");
    await user.keyboard("{ArrowDown}{Enter}");
    expect(input.value).toBe("H2913 — Soudage manuel");
    expect((document.querySelector('input[name="romeCode"]') as HTMLInputElement).value).toBe("H2913");
  });

  it("une frappe lente : jamais plus d'une requête par 150 ms, rien sous 2 caractères, cache des réponses", async () => {
    const user = userEvent.setup({ delay: 60 });
    render(<Combobox label="Métier (ROME)" name="romeCode" searchUrl={base} debounceMs={10} />);
    const input = screen.getByRole("combobox", { name: "Métier (ROME)" });
    await user.click(input);
    await user.keyboard("s"); // under minChars: no request
    await user.keyboard("oudeur");
    await new Promise((r) => setTimeout(r, 400));
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.at - hits[i - 1]!.at).toBeGreaterThanOrEqual(MIN_DEBOUNCE_MS - 5);
    expect(hits.length).toBeLessThanOrEqual(3);
    expect(hits.every((h) => h.q.length >= 2)).toBe(true);
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(1));
    const before = hits.length;
    await user.keyboard("{Backspace}");
    await new Promise((r) => setTimeout(r, 250));
    await user.keyboard("r");
    await new Promise((r) => setTimeout(r, 250));
    // "soudeu" is new, "soudeur" is served from the cache.
    expect(hits.slice(before).map((h) => h.q)).toEqual(["soudeu"]);
    expect(screen.getAllByRole("option")).toHaveLength(1);
  });

  it("une réponse périmée n'écrase pas la plus récente", async () => {
    const user = userEvent.setup({ delay: null });
    render(<Combobox label="Métier (ROME)" name="romeCode" searchUrl={base} debounceMs={150} />);
    const input = screen.getByRole("combobox", { name: "Métier (ROME)" });
    await user.click(input);
    await user.keyboard("xx"); // its answer (empty) is slow: 400 ms
    await new Promise((r) => setTimeout(r, 180));
    expect(hits.map((h) => h.q)).toEqual(["xx"]);
    await user.keyboard("{Backspace}{Backspace}soudeur");
    await waitFor(() => expect(screen.getAllByRole("option")).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 450));
    expect(screen.getAllByRole("option")).toHaveLength(1);
  });
});
