// The demo accounts of the seed (README), as the e2e specs know them.
export const DEMO_PASSWORD = "Demo-ProchEmploi-2026";

export interface DemoAccount {
  email: string;
  role: string;
  roleLabel: RegExp;
  /** Platform names returned by /api/v1/me ("all" = every platform). */
  platforms: string[] | "all";
}

export const ALL_PLATFORMS = ["Amiénois", "Lens-Liévin", "Métropole lilloise"];

export const ACCOUNTS = {
  assistantLens: { email: "assistant@lens.demo", role: "PLATFORM_ASSISTANT", roleLabel: /Assistant·e de plateforme/, platforms: ["Lens-Liévin"] },
  managerLens: { email: "manager@lens.demo", role: "PLATFORM_MANAGER", roleLabel: /Responsable de plateforme/, platforms: ["Lens-Liévin"] },
  assistantAmiens: { email: "assistant@amiens.demo", role: "PLATFORM_ASSISTANT", roleLabel: /Assistant·e de plateforme/, platforms: ["Amiénois"] },
  referent: { email: "referent@region.demo", role: "REGION_REFERENT", roleLabel: /Référent·e Région/, platforms: "all" },
  finance: { email: "finance@region.demo", role: "REGION_FINANCE", roleLabel: /Finances Région/, platforms: "all" },
  reviewer: { email: "reviewer@francetravail.demo", role: "FRANCE_TRAVAIL_REVIEWER", roleLabel: /France Travail/, platforms: [] },
  dpo: { email: "dpo@region.demo", role: "DPO", roleLabel: /Délégué·e à la protection des données/, platforms: "all" },
  admin: { email: "admin@region.demo", role: "ADMIN", roleLabel: /Administrateur·rice/, platforms: [] },
} satisfies Record<string, DemoAccount>;
