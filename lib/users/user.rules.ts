// Who may grant which role on which platforms, and the last-admin protection. Pure functions.
import type { Principal } from "@/lib/authz/policy";

type Role = Principal["role"];

export interface Grantor {
  id: string;
  role: Role;
  platformIds: readonly string[];
}

export interface Access {
  role: Role;
  platformIds: readonly string[];
  allPlatforms: boolean;
}

/** Roles working on given platforms; region-wide roles may instead cover every platform. */
export const PLATFORM_ROLES: ReadonlySet<Role> = new Set(["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"]);
export const REGION_WIDE_ROLES: ReadonlySet<Role> = new Set(["REGION_REFERENT", "REGION_FINANCE", "DPO"]);

/** Coherence of an access whoever grants it; null when coherent. */
export function accessProblem(a: Access): { field: string; message: string } | null {
  if (PLATFORM_ROLES.has(a.role)) {
    if (a.allPlatforms) return { field: "allPlatforms", message: "Ce rôle ne peut pas couvrir toutes les plateformes." };
    if (a.platformIds.length === 0) return { field: "platformIds", message: "Choisissez au moins une plateforme pour ce rôle." };
  } else if (REGION_WIDE_ROLES.has(a.role)) {
    if (!a.allPlatforms && a.platformIds.length === 0) return { field: "platformIds", message: "Choisissez au moins une plateforme, ou toutes les plateformes." };
  } else if (a.allPlatforms || a.platformIds.length > 0) {
    return { field: "platformIds", message: "Ce rôle n'est rattaché à aucune plateforme." };
  }
  return null;
}

/**
 * May `actor` give `access`? An admin may give any access; a platform manager only the assistant
 * role, and only on their own platforms. Null when allowed, else the French reason.
 */
export function grantProblem(actor: Grantor, access: Access): { field: string; message: string } | null {
  if (actor.role === "ADMIN") return null;
  if (actor.role !== "PLATFORM_MANAGER") return { field: "role", message: "Vous ne pouvez pas attribuer de droits." };
  if (access.role !== "PLATFORM_ASSISTANT") return { field: "role", message: "Un·e responsable de plateforme ne peut inviter que des assistant·es." };
  const own = new Set(actor.platformIds);
  if (access.allPlatforms || access.platformIds.some((p) => !own.has(p))) {
    return { field: "platformIds", message: "Vous ne pouvez attribuer que vos propres plateformes." };
  }
  return null;
}

/** May `actor` manage (change, deactivate) the existing account `target`? */
export function manageProblem(actor: Grantor, target: { id: string; role: Role; platformIds: readonly string[] }): string | null {
  if (actor.id === target.id) return "Vous ne pouvez pas modifier ni désactiver votre propre compte ici.";
  if (actor.role === "ADMIN") return null;
  const own = new Set(actor.platformIds);
  if (actor.role === "PLATFORM_MANAGER" && target.role === "PLATFORM_ASSISTANT" && target.platformIds.length > 0 && target.platformIds.every((p) => own.has(p))) {
    return null;
  }
  return "Ce compte ne relève pas de vous.";
}

/** The system must always keep one active admin: refuse a change that would remove the last one. */
export function lastAdminProblem(activeAdmins: number, target: { role: Role; active: boolean }, after: { role: Role; active: boolean }): string | null {
  const removesAdmin = target.role === "ADMIN" && target.active && (after.role !== "ADMIN" || !after.active);
  return removesAdmin && activeAdmins <= 1 ? "Impossible : c'est le dernier compte administrateur actif." : null;
}
