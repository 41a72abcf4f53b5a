"use client";
// Alt+Maj+V anywhere opens « Nouvelle visite » (a modifier key: no clash with typing, WCAG 2.1.4).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function NewVisitShortcut() {
  const router = useRouter();
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === "KeyV") {
        e.preventDefault();
        router.push("/visites/nouvelle");
      }
    }
    window.addEventListener("keydown", onKey);
    // Says the shortcut listens (the e2e waits for it: a key pressed before hydration does nothing).
    document.documentElement.dataset.visitShortcut = "on";
    return () => {
      window.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.visitShortcut;
    };
  }, [router]);
  return null;
}
