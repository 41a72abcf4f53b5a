import { z } from "zod";

export const roleSchema = z.enum(["PLATFORM_ASSISTANT", "PLATFORM_MANAGER", "REGION_REFERENT", "REGION_FINANCE", "FRANCE_TRAVAIL_REVIEWER", "DPO", "ADMIN"]);

export const meResponseSchema = z.object({
  email: z.string().email(),
  role: roleSchema,
  platforms: z.array(z.object({ id: z.string().uuid(), name: z.string() })),
});

export type MeResponse = z.infer<typeof meResponseSchema>;
