// Which address keys the login throttle and the audit log (issue 16, Medium #4): X-Forwarded-For is
// written by the client, so it is believed only as far as TRUST_PROXY says.
import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/credentials";
import { clientAddress, normalise, parseTrustProxy, PEER_ADDRESS_HEADER } from "@/lib/security/client-address";

const peer = (address: string, more: Record<string, string> = {}) => ({ [PEER_ADDRESS_HEADER]: address, ...more });
const get = (h: Record<string, string>) => (name: string) => h[name];

describe("adresse du client (réglage par défaut : aucun proxy de confiance)", () => {
  it("prend l'adresse de la connexion, pas un X-Forwarded-For inventé", () => {
    expect(clientIp(peer("203.0.113.7", { "x-forwarded-for": "1.2.3.4" }))).toBe("203.0.113.7");
    expect(clientIp(peer("203.0.113.7", { "x-real-ip": "5.6.7.8" }))).toBe("203.0.113.7");
  });

  it("faire tourner X-Forwarded-For ne change pas la clé de limitation", () => {
    const keys = new Set(Array.from({ length: 20 }, (_, i) => clientIp(peer("203.0.113.7", { "x-forwarded-for": `10.0.0.${i}` }))));
    expect([...keys]).toEqual(["203.0.113.7"]);
  });

  it("un en-tête de 8 000 caractères ne devient pas une clé : l'adresse reste bornée", () => {
    const huge = "A".repeat(8000);
    expect(clientIp(peer("203.0.113.7", { "x-forwarded-for": huge })).length).toBeLessThanOrEqual(45);
    expect(clientIp({ "x-forwarded-for": huge }).length).toBeLessThanOrEqual(45);
    expect(clientIp({ "x-forwarded-for": `${"1.1.1.1,".repeat(2000)}9.9.9.9` })).toBe("9.9.9.9");
  });
});

describe("TRUST_PROXY", () => {
  it("un nombre de sauts : le client est la n-ième adresse depuis la droite", () => {
    const h = get(peer("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.4" }));
    expect(clientAddress(h, parseTrustProxy("1"))).toBe("198.51.100.4");
    expect(clientAddress(h, parseTrustProxy("2"))).toBe("6.6.6.6");
    expect(clientAddress(h, parseTrustProxy("9"))).toBe("6.6.6.6");
  });

  it("une liste d'adresses de proxys : les proxys connus sont sautés depuis la droite", () => {
    const h = get(peer("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.4, 10.0.0.1" }));
    expect(clientAddress(h, parseTrustProxy("10.0.0.1, 10.0.0.2"))).toBe("198.51.100.4");
    // A direct request from elsewhere: its own header is not believed.
    expect(clientAddress(get(peer("203.0.113.9", { "x-forwarded-for": "1.2.3.4" })), parseTrustProxy("10.0.0.1"))).toBe("203.0.113.9");
  });

  it("une valeur qui n'est pas une adresse IP donne « inconnue », jamais la valeur envoyée", () => {
    expect(clientAddress(get(peer("10.0.0.2", { "x-forwarded-for": "<script>, 10.0.0.1" })), parseTrustProxy("2"))).toBe("inconnue");
    expect(normalise("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normalise("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalise("192.0.2.1:5000")).toBe("192.0.2.1");
  });
});
