// Public URL of the application, for links in emails. No server-only import: job processes use it.
import { env } from "@/lib/env";

export function appUrl(path: string): string {
  const base = (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  return `${base}${path}`;
}
