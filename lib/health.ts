import type { Db } from "@/lib/db-client";
import type { Logger } from "@/lib/logger";

export interface Health {
  status: "ok" | "degraded";
  db: "ok" | "unreachable";
  version: string;
  /** The dependencies that do not answer, by name (empty when all is well). */
  failing: "database"[];
  /** In French, for the operator reading the probe. */
  message: string;
}

/** Database readiness within `timeoutMs`: a load balancer must get an answer even if PostgreSQL hangs. */
export async function checkHealth(db: Db, version: string, log: Logger, timeoutMs = 3_000): Promise<{ status: number; body: Health }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { status: 200, body: { status: "ok", db: "ok", version, failing: [], message: "Service opérationnel." } };
  } catch (err) {
    log.error({ err }, "health check: database unreachable");
    return { status: 503, body: { status: "degraded", db: "unreachable", version, failing: ["database"], message: "Base de données injoignable : le service répondra dès son retour." } };
  } finally {
    clearTimeout(timer);
  }
}
