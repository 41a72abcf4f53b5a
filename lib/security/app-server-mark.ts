// The pages' Content-Security-Policy (a nonce per request) is set by the application server
// (server/main.ts → server/app-server.ts), in front of Next.js. `next start` alone would serve the
// same pages without any CSP. The application server marks the process before it creates Next.js;
// instrumentation.ts register() refuses to start a production server that is not marked.
//
// The mark is a property of the process's global object under a registered symbol: server/main.ts
// (run by tsx) and instrumentation.ts (bundled by Next.js) are separate module instances but share
// that global. Nothing from a request reaches it (unlike a header), and unlike an environment
// variable it cannot be set for `next start` from the command line either.
// No "server-only": server/main.ts imports it outside the Next.js bundles.

const MARK = Symbol.for("si-proch-emploi.app-server");

type Marked = typeof globalThis & { [MARK]?: true };

/** Called by server/main.ts before `next()`. */
export function markAppServer(): void {
  (globalThis as Marked)[MARK] = true;
}

export function startedByAppServer(): boolean {
  return (globalThis as Marked)[MARK] === true;
}

export const APP_SERVER_REQUIRED =
  "Démarrage refusé : l'application doit être lancée par son serveur (`npm start`, qui exécute server/main.ts). " +
  "Lancée par `next start`, elle servirait les pages sans politique de sécurité du contenu (CSP à nonce par requête).";

/**
 * Throws at start-up a production server that the application server did not start. Development
 * (`npm run dev` runs server/main.ts --dev too, but `next dev` stays usable), the tests and
 * `next build` (which may load instrumentation.ts while it prerenders) are not concerned.
 */
export function assertStartedByAppServer({ nodeEnv, phase }: { nodeEnv: string | undefined; phase: string | undefined }): void {
  if (nodeEnv !== "production" || phase === "phase-production-build") return;
  if (!startedByAppServer()) throw new Error(APP_SERVER_REQUIRED);
}
