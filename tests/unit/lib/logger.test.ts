import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger(stream, "info") };
}

describe("journalisation", () => {
  it("masque mots de passe, jetons et champs personnels, y compris imbriqués", () => {
    const { lines, logger } = capture();
    logger.info({ password: "secret-1", body: { password: "secret-2", email: "jean@x.fr", lastName: "Dupont" }, token: "pe_abc", birthDate: "1990-01-01" }, "essai");
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    const text = JSON.stringify(entry);
    for (const secret of ["secret-1", "secret-2", "jean@x.fr", "Dupont", "pe_abc", "1990-01-01"]) expect(text).not.toContain(secret);
    expect(entry.password).toBe("[masqué]");
    expect(entry.msg).toBe("essai");
  });

  it("porte l'identifiant de requête et d'utilisateur dans les journaux enfants, en JSON", () => {
    const { lines, logger } = capture();
    logger.child({ requestId: "req-1", userId: "user-1" }).info("ok");
    expect(JSON.parse(lines[0]!)).toMatchObject({ requestId: "req-1", userId: "user-1", msg: "ok", app: "si-proch-emploi" });
  });
});
