// SIREN / SIRET checks (pure). A SIRET is the 9-digit SIREN followed by a 5-digit NIC; both the
// SIREN and the whole SIRET carry a Luhn check digit.

/** SIREN of La Poste: its establishments outnumber the NIC space, so INSEE uses another key. */
export const LA_POSTE_SIREN = "356000000";

/** Random source returning a float in [0, 1), e.g. `Math.random` or a seeded faker. */
export type Rng = () => number;

/** Luhn: from the right, double every second digit, subtract 9 when above 9; sum % 10 === 0. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(s: string): boolean {
  return /^\d{9}$/.test(s) && luhnValid(s);
}

export function isValidSiret(s: string): boolean {
  if (!/^\d{14}$/.test(s)) return false;
  if (s.startsWith(LA_POSTE_SIREN)) {
    // La Poste: the sum of the 14 digits is a multiple of 5; its head office (…00048) is Luhn-valid.
    const digitSum = [...s].reduce((acc, c) => acc + Number(c), 0);
    return digitSum % 5 === 0 || luhnValid(s);
  }
  return luhnValid(s);
}

/** Appends the digit that makes `body` Luhn-valid. */
export function withLuhnKey(body: string): string {
  for (let k = 0; k <= 9; k++) {
    if (luhnValid(body + k)) return body + k;
  }
  // Unreachable: exactly one key in 0..9 always satisfies Luhn.
  throw new Error(`Aucune clé de Luhn pour ${body}`);
}

function randomDigits(rng: Rng, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(Math.min(9, Math.floor(rng() * 10)));
  return out;
}

/** A random SIRET whose SIREN and SIRET are both Luhn-valid (never La Poste's SIREN). */
export function generateSiret(rng: Rng): string {
  let siren: string;
  do {
    // Real SIRENs never start with 0 in practice for companies; keep the demo data credible.
    siren = withLuhnKey(String(1 + Math.min(8, Math.floor(rng() * 9))) + randomDigits(rng, 7));
  } while (siren === LA_POSTE_SIREN);
  // NIC: 0001–0099 for most establishments (head office first), then the key.
  const nic = "00" + randomDigits(rng, 2).replace(/^00$/, "01");
  return withLuhnKey(siren + nic);
}
