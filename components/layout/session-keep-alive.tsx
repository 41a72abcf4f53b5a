"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * Idle timeout: the session cookie expires after SESSION_IDLE_MINUTES unless refreshed. Real user
 * activity (not an open tab) refreshes it, at most once a minute, through next-auth's session route.
 */
export function SessionKeepAlive() {
  const router = useRouter();
  useEffect(() => {
    let last = 0;
    const touch = () => {
      const now = Date.now();
      if (now - last < 60_000) return;
      last = now;
      void fetch("/api/auth/session", { credentials: "same-origin" }).then(async (r) => {
        const body = (await r.json().catch(() => null)) as { user?: unknown } | null;
        if (!body?.user) router.replace("/connexion");
      });
    };
    const events = ["keydown", "pointerdown", "scroll"] as const;
    events.forEach((e) => window.addEventListener(e, touch, { passive: true }));
    return () => events.forEach((e) => window.removeEventListener(e, touch));
  }, [router]);
  return null;
}
