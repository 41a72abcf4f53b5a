import { describe, expect, it } from "vitest";
import { passwordProblems } from "@/lib/users/password.rules";
import { setPasswordSchema } from "@/lib/users/password.schema";

describe("règles de mot de passe", () => {
  it("accepte une phrase de passe longue et peu courante", () => {
    expect(passwordProblems("Une phrase de passe solide 2026", "martine.dupont@amiens.fr")).toEqual([]);
  });

  it("exige au moins 12 caractères (comptés en caractères, pas en octets)", () => {
    expect(passwordProblems("Court-2026!")).toContain("Le mot de passe doit contenir au moins 12 caractères.");
    expect(passwordProblems("éléphantéléph")).toEqual([]);
  });

  it.each(["motdepasse123", "Azertyuiop2026!", "PASSWORDPASSWORD", "aaaaaaaaaaaaaa", "Soleil-Soleil-2026"])("refuse le mot de passe courant %s", (pw) => {
    expect(passwordProblems(pw).some((m) => m.includes("trop courant"))).toBe(pw !== "Soleil-Soleil-2026");
  });

  it("refuse un mot de passe contenant l'adresse ou son identifiant", () => {
    expect(passwordProblems("martine.dupont@amiens.fr!", "martine.dupont@amiens.fr")).toContain("Le mot de passe ne doit pas contenir votre adresse e-mail.");
    expect(passwordProblems("Martine.Dupont-2026", "martine.dupont@amiens.fr")).toContain("Le mot de passe ne doit pas contenir votre adresse e-mail.");
    // A very short identifier would match too much.
    expect(passwordProblems("une phrase avec abc dedans", "abc@amiens.fr")).toEqual([]);
  });

  it("le formulaire vérifie la confirmation, avec un message sur le bon champ", () => {
    const r = setPasswordSchema.safeParse({ token: "x".repeat(43), password: "Une phrase de passe solide", confirmation: "Une autre phrase" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["confirmation", "Les deux mots de passe ne correspondent pas."]]);
  });
});
