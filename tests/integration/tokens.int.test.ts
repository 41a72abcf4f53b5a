import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { hashToken } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/errors";
import { createToken, listTokens, revokeToken } from "@/lib/tokens/token.service";
import { createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

describe("jetons d'accès personnels", () => {
  it("ne stocke que l'empreinte du jeton, et le jeton n'est rendu qu'à la création", async () => {
    const u = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const { token, item } = await createToken(db, u, { name: "Script export", expiresInDays: 30 }, { viaToken: false });
    expect(token).toMatch(/^pe_/);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(await listTokens(db, u))).not.toContain(token);
    expect(await db.auditEvent.count({ where: { action: "apiToken.created", entityId: item.id } })).toBe(1);
  });

  it("ne laisse révoquer que ses propres jetons (sinon : introuvable)", async () => {
    const alice = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const bob = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const { item } = await createToken(db, alice, { name: "alice", expiresInDays: 1 }, { viaToken: false });
    await expect(revokeToken(db, bob, item.id)).rejects.toBeInstanceOf(NotFoundError);
    const revoked = await revokeToken(db, alice, item.id);
    expect(revoked.revokedAt).not.toBeNull();
  });
});
