// The background jobs: one entry per job, `{ name, schema, handler }` (STYLE.md, "Jobs").
// Handlers are idempotent and batched; a destructive one has a dry run. No "server-only": the
// worker process (scripts/jobs.ts) imports this.
import { z } from "zod";
import type { Db } from "@/lib/db";
import { runRetention } from "@/lib/retention/retention.service";

export interface JobDefinition<T> {
  name: string;
  schema: z.ZodType<T>;
  handler: (db: Db, data: T) => Promise<unknown>;
}

const retentionJobSchema = z.object({ dryRun: z.boolean().default(false), triggeredBy: z.string().max(200).optional() });

export const retentionJob: JobDefinition<z.infer<typeof retentionJobSchema>> = {
  name: "retention",
  schema: retentionJobSchema,
  handler: async (db, data) => {
    const result = await runRetention(db, { dryRun: data.dryRun, triggeredBy: data.triggeredBy ?? "planification" });
    // A PARTIAL run is recorded and visible to the DPO; it is not a job failure to retry blindly.
    return { runId: result.runId, status: result.status, counts: result.counts };
  },
};

export const JOBS: readonly JobDefinition<never>[] = [retentionJob as unknown as JobDefinition<never>];
