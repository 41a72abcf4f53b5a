import { afterEach, describe, expect, it } from "vitest";
import { APP_SERVER_REQUIRED, assertStartedByAppServer, markAppServer, startedByAppServer } from "@/lib/security/app-server-mark";

const MARK = Symbol.for("si-proch-emploi.app-server");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[MARK];
});

describe("démarrage réservé au serveur de l'application (CSP à nonce)", () => {
  it("refuse un serveur de production que server/main.ts n'a pas marqué, avec un message en français", () => {
    expect(startedByAppServer()).toBe(false);
    expect(() => assertStartedByAppServer({ nodeEnv: "production", phase: "phase-production-server" })).toThrow(APP_SERVER_REQUIRED);
    expect(() => assertStartedByAppServer({ nodeEnv: "production", phase: undefined })).toThrow(/Démarrage refusé.*npm start.*sans politique de sécurité du contenu/);
  });

  it("laisse démarrer le serveur marqué par server/main.ts", () => {
    markAppServer();
    expect(startedByAppServer()).toBe(true);
    expect(() => assertStartedByAppServer({ nodeEnv: "production", phase: "phase-production-server" })).not.toThrow();
  });

  it("ne concerne ni `next build`, ni le développement, ni les tests", () => {
    expect(() => assertStartedByAppServer({ nodeEnv: "production", phase: "phase-production-build" })).not.toThrow();
    expect(() => assertStartedByAppServer({ nodeEnv: "development", phase: "phase-development-server" })).not.toThrow();
    expect(() => assertStartedByAppServer({ nodeEnv: "test", phase: undefined })).not.toThrow();
  });

  it("ne se marque pas par une valeur quelconque : seul true sous le symbole enregistré compte", () => {
    (globalThis as Record<symbol, unknown>)[MARK] = "1";
    expect(startedByAppServer()).toBe(false);
    (globalThis as Record<string, unknown>)["si-proch-emploi.app-server"] = true;
    expect(startedByAppServer()).toBe(false);
    delete (globalThis as Record<string, unknown>)["si-proch-emploi.app-server"];
  });
});
