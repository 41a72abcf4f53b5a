import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
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
  "intakeRequest.expire": z.number().default(0),
  // Issue 22 §5–6 (absent from earlier runs: 0).
  "rightsRequest.erase": z.number().default(0),
  "breach.erase": z.number().default(0),
  "auditEvent.remove": z.number().default(0),
  "receipt.destroy": z.number().default(0),
  "companyNote.erase": z.number().default(0),
  "soleTrader.erase": z.number().default(0),
  "revision.delete": z.number().default(0),
});

export const purgeRunSchema = z.object({
  id: z.string(),
  startedAt: instantOut(),
  finishedAt: instantOut().nullable(),
  dryRun: z.boolean(),
  status: z.enum(["RUNNING", "SUCCEEDED", "PARTIAL", "FAILED", "ABANDONED"]),
  /** Last sign of life of a running run (issue 16 §12); null for runs before leases. */
  heartbeatAt: instantOut().nullable(),
  /** An abandoned run: the run that took over and finished its work. */
  resumedBy: z.object({ id: z.string(), startedAt: instantOut() }).nullable(),
  /** The abandoned runs this one took over (and those they had taken over), oldest first. */
  resumes: z.array(z.object({ id: z.string(), startedAt: instantOut() })),
  triggeredBy: z.string().nullable(),
  ruleSetVersion: z.number().nullable(),
  counts: countsSchema,
  byPlatform: z.array(z.object({ platformId: z.string(), platform: z.string(), counts: countsSchema })),
  /** This run's counts plus those of every abandoned run it took over: what the night really did. */
  totalCounts: countsSchema,
  errors: z.array(z.object({ entityType: z.string(), id: z.string(), message: z.string() })),
});
export type PurgeRunDto = z.infer<typeof purgeRunSchema>;

/** A dry run takes no input: what it simulates is decided by the rule set in force. */
export const dryRunBodySchema = z.object({}).strict();
