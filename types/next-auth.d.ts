import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user?: { id: string; email: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    authTime?: number;
    /** Sign-in time in milliseconds: compared with the user's sessionsRevokedAt (sign-out, password, deactivation). */
    authMs?: number;
    expired?: boolean;
  }
}
