// @vitest-environment jsdom
// The kit's file input (components/ui/file-input.tsx): French texts instead of the browser's
// « Choose File » / « No file chosen », the real input still labelled, focusable and described by the
// chosen file's name; and every file input of the app goes through it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { FileInput } from "@/components/ui/file-input";

afterEach(cleanup);

const ROOT = path.resolve(import.meta.dirname, "../../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith(".tsx") ? [p] : [];
  });
}

describe("champ fichier du kit", () => {
  it("dit « Choisir un fichier » et « Aucun fichier choisi », puis le nom du fichier choisi ; une remise à zéro du formulaire l'efface", async () => {
    render(
      <form data-testid="f">
        <label htmlFor="doc">Document (PDF)</label>
        <FileInput id="doc" name="file" required accept="application/pdf" />
      </form>,
    );
    const input = screen.getByLabelText("Document (PDF)") as HTMLInputElement;
    expect(input.type).toBe("file");
    expect(input.required).toBe(true);
    expect(screen.getByText("Choisir un fichier")).toBeTruthy();
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBe("Aucun fichier choisi");
    // Reached by the keyboard: the real input is the focusable control.
    await userEvent.tab();
    expect(document.activeElement).toBe(input);
    await userEvent.upload(input, new File(["%PDF-1.4"], "bilan-2025.pdf", { type: "application/pdf" }));
    expect(input.files?.[0]?.name).toBe("bilan-2025.pdf");
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBe("bilan-2025.pdf");
    fireEvent.reset(screen.getByTestId("f"));
    expect(document.getElementById(input.getAttribute("aria-describedby")!)?.textContent).toBe("Aucun fichier choisi");
  });

  it("garde la description donnée par l'appelant (aide, erreur) avant le nom du fichier", () => {
    render(<><label htmlFor="x">Fichier</label><FileInput id="x" aria-describedby="x-hint" /><p id="x-hint">CSV ou XLSX</p></>);
    expect(screen.getByLabelText("Fichier").getAttribute("aria-describedby")).toBe("x-hint x-chosen");
  });

  it("aucun écran n'utilise le champ natif : tous passent par components/ui/file-input.tsx", () => {
    const raw = [...sources(path.join(ROOT, "app")), ...sources(path.join(ROOT, "components"))]
      .filter((f) => !f.endsWith(path.join("components", "ui", "file-input.tsx")))
      .filter((f) => /type=["{]+file/.test(readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f));
    expect(raw).toEqual([]);
  });
});
