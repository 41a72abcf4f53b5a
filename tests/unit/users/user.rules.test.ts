import { describe, expect, it } from "vitest";
import { accessProblem, grantProblem, lastAdminProblem, manageProblem } from "@/lib/users/user.rules";
import { inviteUserSchema } from "@/lib/users/user.schema";

const LENS = "00000000-0000-4000-8000-000000000001";
const AMIENS = "00000000-0000-4000-8000-000000000002";
const admin = { id: "a", role: "ADMIN" as const, platformIds: [] };
const manager = { id: "m", role: "PLATFORM_MANAGER" as const, platformIds: [LENS] };

describe("attribution des droits", () => {
  it("un·e admin peut tout attribuer", () => {
    expect(grantProblem(admin, { role: "DPO", platformIds: [], allPlatforms: true })).toBeNull();
    expect(grantProblem(admin, { role: "PLATFORM_MANAGER", platformIds: [AMIENS], allPlatforms: false })).toBeNull();
  });

  it("un·e responsable n'attribue que le rôle d'assistant·e, sur ses plateformes", () => {
    expect(grantProblem(manager, { role: "PLATFORM_ASSISTANT", platformIds: [LENS], allPlatforms: false })).toBeNull();
    expect(grantProblem(manager, { role: "PLATFORM_MANAGER", platformIds: [LENS], allPlatforms: false })?.field).toBe("role");
    expect(grantProblem(manager, { role: "ADMIN", platformIds: [], allPlatforms: false })?.field).toBe("role");
    expect(grantProblem(manager, { role: "PLATFORM_ASSISTANT", platformIds: [LENS, AMIENS], allPlatforms: false })?.field).toBe("platformIds");
  });

  it("les autres rôles n'attribuent rien", () => {
    expect(grantProblem({ id: "d", role: "DPO", platformIds: [] }, { role: "PLATFORM_ASSISTANT", platformIds: [LENS], allPlatforms: false })).toEqual({ field: "role", message: "Vous ne pouvez pas attribuer de droits." });
  });

  it("vérifie la cohérence rôle / plateformes", () => {
    expect(accessProblem({ role: "PLATFORM_ASSISTANT", platformIds: [], allPlatforms: false })?.field).toBe("platformIds");
    expect(accessProblem({ role: "PLATFORM_ASSISTANT", platformIds: [LENS], allPlatforms: true })?.field).toBe("allPlatforms");
    expect(accessProblem({ role: "REGION_REFERENT", platformIds: [], allPlatforms: true })).toBeNull();
    expect(accessProblem({ role: "ADMIN", platformIds: [LENS], allPlatforms: false })?.field).toBe("platformIds");
    expect(accessProblem({ role: "FRANCE_TRAVAIL_REVIEWER", platformIds: [], allPlatforms: false })).toBeNull();
  });
});

describe("gestion des comptes existants", () => {
  it("personne ne se modifie soi-même ici ; un·e responsable ne gère que ses assistant·es", () => {
    expect(manageProblem(admin, { id: "a", role: "ADMIN", platformIds: [] })).toMatch(/propre compte/);
    expect(manageProblem(manager, { id: "x", role: "PLATFORM_ASSISTANT", platformIds: [LENS] })).toBeNull();
    expect(manageProblem(manager, { id: "x", role: "PLATFORM_ASSISTANT", platformIds: [LENS, AMIENS] })).toBe("Ce compte ne relève pas de vous.");
    expect(manageProblem(manager, { id: "x", role: "PLATFORM_MANAGER", platformIds: [LENS] })).toBe("Ce compte ne relève pas de vous.");
  });

  it("refuse de retirer le dernier administrateur actif, par désactivation ou changement de rôle", () => {
    const target = { role: "ADMIN" as const, active: true };
    expect(lastAdminProblem(1, target, { role: "ADMIN", active: false })).toMatch(/dernier compte administrateur/);
    expect(lastAdminProblem(1, target, { role: "DPO", active: true })).toMatch(/dernier compte administrateur/);
    expect(lastAdminProblem(2, target, { role: "ADMIN", active: false })).toBeNull();
    expect(lastAdminProblem(1, { role: "ADMIN", active: false }, { role: "ADMIN", active: true })).toBeNull();
    expect(lastAdminProblem(1, { role: "DPO", active: true }, { role: "DPO", active: false })).toBeNull();
  });
});

describe("formulaire d'invitation", () => {
  it("normalise l'adresse et accepte une ou plusieurs plateformes cochées", () => {
    const one = inviteUserSchema.parse({ email: " Ines.D@Amiens.FR ", firstName: "Inès", lastName: "D", role: "PLATFORM_ASSISTANT", platformIds: AMIENS });
    expect(one).toMatchObject({ email: "ines.d@amiens.fr", platformIds: [AMIENS], allPlatforms: false });
    const two = inviteUserSchema.parse({ email: "a@b.fr", firstName: "A", lastName: "B", role: "REGION_REFERENT", platformIds: [LENS, "", AMIENS], allPlatforms: ["true", "false"] });
    expect(two).toMatchObject({ platformIds: [LENS, AMIENS], allPlatforms: true });
  });

  it("donne des messages en français par champ", () => {
    const r = inviteUserSchema.safeParse({ email: "pas-une-adresse", firstName: "", lastName: "B", role: "CHEF" });
    expect(r.success).toBe(false);
    const byField = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byField).toMatchObject({ email: "Adresse e-mail invalide.", firstName: "Indiquez le prénom.", role: "Choisissez un rôle." });
  });
});
