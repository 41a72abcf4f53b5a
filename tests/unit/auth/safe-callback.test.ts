// Where the login form goes after signing in (issue 16, Medium #2): only a path of this site.
import { describe, expect, it } from "vitest";
import { safeCallback } from "@/lib/auth/safe-callback";

const ORIGIN = "https://prochemploi.example.fr";

describe("adresse de retour après connexion", () => {
  it.each([
    ["barre oblique inverse", "/\\evil.example"],
    ["barres obliques inverses doubles", "\\\\evil.example"],
    ["tabulation encodée", "/%09/evil.example"],
    ["tabulation brute", "/\t/evil.example"],
    ["retour à la ligne", "/\n/evil.example"],
    ["barre oblique encodée", "/%2F/evil.example"],
    ["barre oblique encodée (minuscules)", "/%2f%2fevil.example"],
    ["barre oblique inverse encodée", "/%5Cevil.example"],
    ["protocole relatif", "//evil.example"],
    ["protocole relatif avec barre inverse", "/\\/evil.example"],
    ["absolue", "https://evil.example/"],
    ["absolue sans barres", "https:evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["javascript: après barre", "/javascript:alert(1)//"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["identifiants dans l'URL", "//user@evil.example"],
    ["vide", ""],
    ["encodage invalide", "/%E0%A4%A"],
  ])("refuse %s", (_, raw) => {
    const target = safeCallback(raw, ORIGIN);
    expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
    expect(target.startsWith("/")).toBe(true);
    expect(target).not.toMatch(/^\/[\\/]|[\t\n\r]/);
    // The value followed must not need decoding to be read as another site by a browser.
    const decoded = decodeURIComponent(target);
    expect(decoded.startsWith("//")).toBe(false);
    expect(decoded).not.toMatch(/^\/[\\/]|[\t\n\r\\]/);
  });

  it.each([
    ["/demandeurs", "/demandeurs"],
    ["/entreprises?q=boulangerie&page=2", "/entreprises?q=boulangerie&page=2"],
    ["/demandeurs/123#notes", "/demandeurs/123#notes"],
  ])("suit %s", (raw, expected) => {
    expect(safeCallback(raw, ORIGIN)).toBe(expected);
  });
});
