"use client";
// Re-renders the server page every few seconds while an export is still being generated.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    const t = setInterval(() => router.refresh(), 3000);
    return () => clearInterval(t);
  }, [pending, router]);
  return null;
}
