// Every schedule in one place. Times are read in JOBS_TIMEZONE (Europe/Paris by default) so that
// "at night" stays at night across daylight-saving changes.
import type { Env } from "@/lib/env";

export interface JobSchedule {
  job: string;
  cron: string;
  data: Record<string, unknown>;
}

export function schedules(e: Pick<Env, "RETENTION_CRON">): JobSchedule[] {
  return [{ job: "retention", cron: e.RETENTION_CRON, data: { dryRun: false } }];
}
