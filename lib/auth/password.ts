// Password hashing with argon2id (OWASP parameters). No "server-only": the seed uses it too.
import { hash, verify } from "@node-rs/argon2";

const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(hashed: string | null | undefined, plain: string): Promise<boolean> {
  if (!hashed) return false;
  try {
    return await verify(hashed, plain);
  } catch {
    return false;
  }
}

/** A fixed hash to verify against when the account does not exist (same timing, no enumeration). */
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$W0U3P9sS6uYzN0Qe4W5E7Qn8Yq2Wm9m1C7xQ0M8pZ1E";
