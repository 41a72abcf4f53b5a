import { z } from "zod";
import { pageQuerySchema } from "@/lib/validation";

export const purgeRunListQuerySchema = pageQuerySchema.extend({
  dryRun: z.enum(["true", "false"]).optional(),
});
export type PurgeRunListQuery = z.infer<typeof purgeRunListQuerySchema>;

const countsSchema = z.object({
  "jobSeeker.archive": z.number(),
  "jobSeeker.destroy": z.number(),
  "companyContact.destroy": z.number(),
  "chefDeFile.destroy": z.number(),
  "franceTravail.destroy": z.number().default(0),
});

export const purgeRunSchema = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  dryRun: z.boolean(),
  status: z.enum(["RUNNING", "SUCCEEDED", "PARTIAL", "FAILED"]),
  triggeredBy: z.string().nullable(),
  ruleSetVersion: z.number().nullable(),
  counts: countsSchema,
  byPlatform: z.array(z.object({ platformId: z.string(), platform: z.string(), counts: countsSchema })),
  errors: z.array(z.object({ entityType: z.string(), id: z.string(), message: z.string() })),
});
export type PurgeRunDto = z.infer<typeof purgeRunSchema>;

/** A dry run takes no input: what it simulates is decided by the rule set in force. */
export const dryRunBodySchema = z.object({}).strict();
