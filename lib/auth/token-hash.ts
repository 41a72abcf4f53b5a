// The one-way hash under which secrets given out as links or tokens are stored (API tokens, invitation
// links, calendar feeds). Pure: usable from jobs and scripts, which must not load the session module
// (it pulls in Next.js navigation, which a plain Node process cannot load).
import { createHash } from "node:crypto";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
