// The client's address, for the login throttle and the audit log. X-Forwarded-For is written by
// whoever sends the request, so it is believed only as far as TRUST_PROXY says:
// - "" (default): no proxy is trusted, the socket's address is the client;
// - a number n: n proxies of ours are in front of the app, the client is the n-th address from
//   the right of (X-Forwarded-For + socket address);
// - a comma-separated list of addresses: walking from the right, proxies in the list are skipped,
//   the first other address is the client.
// The socket address reaches the app in PEER_ADDRESS_HEADER, set (and overwritten whatever the
// client sent) by the application server (server/app-server.ts), which every start path runs.
import { isIP } from "node:net";
import { env } from "@/lib/env";

export const PEER_ADDRESS_HEADER = "x-pe-peer-address";
/** At most this many X-Forwarded-For entries are read (from the right); the rest is ignored. */
const MAX_HOPS = 20;
/** Longest textual IPv6 address (IPv4-mapped form). */
const MAX_ADDRESS_LENGTH = 45;
export const UNKNOWN_ADDRESS = "inconnue";

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "list"; addresses: Set<string> };

export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim();
  if (!value || value === "false" || value === "0") return { kind: "none" };
  if (/^\d+$/.test(value)) return { kind: "hops", hops: Math.min(Number(value), MAX_HOPS) };
  const addresses = value.split(",").map((a) => normalise(a)).filter((a): a is string => a !== null);
  return addresses.length ? { kind: "list", addresses: new Set(addresses) } : { kind: "none" };
}

/** A bare IP address (port, brackets and IPv4-mapped prefix removed), or null when it is not one. */
export function normalise(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let a = raw.trim();
  if (a.length > MAX_ADDRESS_LENGTH + 8) return null;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (a.toLowerCase().startsWith("::ffff:") && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) && a.length <= MAX_ADDRESS_LENGTH ? a.toLowerCase() : null;
}

type HeaderGetter = (name: string) => string | null | undefined;

export function clientAddress(get: HeaderGetter, trust: TrustProxy): string {
  const forwarded = (get("x-forwarded-for") ?? "").slice(-MAX_HOPS * (MAX_ADDRESS_LENGTH + 2));
  const hops = forwarded ? forwarded.split(",").slice(-MAX_HOPS).map((h) => h.trim()) : [];
  // Without the application server (plain `next start`), Next.js puts the socket address in X-Forwarded-For
  // only when the client sent none: the rightmost entry is the best left.
  const peer = get(PEER_ADDRESS_HEADER) ?? hops.pop() ?? null;
  if (trust.kind === "none") return normalise(peer) ?? UNKNOWN_ADDRESS;
  const chain = [...hops, peer ?? ""];
  let client: string | undefined;
  if (trust.kind === "hops") {
    client = chain[Math.max(chain.length - 1 - trust.hops, 0)];
  } else {
    let i = chain.length - 1;
    while (i > 0 && trust.addresses.has(normalise(chain[i]) ?? "")) i--;
    client = chain[i];
  }
  return normalise(client) ?? UNKNOWN_ADDRESS;
}

/** For next-auth's `req.headers` (a plain object). */
export function headerGetter(headers: Record<string, unknown> | undefined): HeaderGetter {
  return (name) => {
    const v = headers?.[name];
    return typeof v === "string" ? v : Array.isArray(v) ? v.join(",") : undefined;
  };
}

const configured = parseTrustProxy(env.TRUST_PROXY);

/** The client's address of this request, per the TRUST_PROXY setting. */
export function requestAddress(get: HeaderGetter): string {
  return clientAddress(get, configured);
}
