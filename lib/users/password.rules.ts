// Password rules for account passwords (invitation, reset): long, not common, not the email.
// Pure: shared by the set-password form (client) and the server.
import { COMMON_PASSWORDS } from "@/lib/users/common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A password made of a common word plus digits or symbols ("Soleil2026!!") is still common. */
function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const letters = lower.normalize("NFD").replace(/[^a-z]/g, "");
  return COMMON_PASSWORDS.has(lower) || (letters.length > 0 && COMMON_PASSWORDS.has(letters)) || /^(.)\1+$/.test(lower);
}

function containsEmail(password: string, email: string): boolean {
  const lower = password.toLowerCase();
  const address = email.trim().toLowerCase();
  const local = address.split("@")[0] ?? "";
  return lower.includes(address) || (local.length >= 4 && lower.includes(local));
}

/** French messages for every rule the password breaks; empty when it is acceptable. */
export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Le mot de passe ne doit pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`);
  if (isCommon(password)) problems.push("Ce mot de passe est trop courant : choisissez une phrase ou une combinaison moins prévisible.");
  if (email && containsEmail(password, email)) problems.push("Le mot de passe ne doit pas contenir votre adresse e-mail.");
  return problems;
}
