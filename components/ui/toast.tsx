"use client";
// The confirmation after a save: « Entreprise enregistrée — Voir la fiche ». Call `toast({...})`
// right before navigating (router.push); the <Toaster> of the application shell shows it on the
// next screen, in a polite live region, with a link to the saved record and a close button. It
// stays until closed or until the user moves to another page (no timing to beat: WCAG 2.2.1).
import { usePathname } from "next/navigation";
import Link from "next/link";
import { useEffect, useRef, useSyncExternalStore } from "react";
import { Icon } from "@/components/ui/icons";

export interface ToastInput {
  message: string;
  /** The saved record (an in-app path). */
  href?: string;
  linkLabel?: string;
  tone?: "success" | "error";
}
interface Shown extends ToastInput {
  key: number;
  /** The page the save happened on: the navigation that follows it lands the toast, the next one dismisses it. */
  origin: string;
}

let current: Shown | null = null;
let seq = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Shows a confirmation toast (survives the client-side navigation that usually follows a save). */
export function toast(t: ToastInput): void {
  // Only in-app paths: a message never links elsewhere.
  const href = t.href && t.href.startsWith("/") && !t.href.startsWith("//") ? t.href : undefined;
  current = { ...t, href, key: ++seq, origin: typeof window === "undefined" ? "" : window.location.pathname };
  emit();
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function Toaster() {
  const shown = useSyncExternalStore(subscribe, () => current, () => null);
  const pathname = usePathname();
  // Where the toast landed (the saved record, usually); moving on from there dismisses it.
  const landed = useRef<{ key: number; path: string } | null>(null);
  useEffect(() => {
    if (!shown || pathname === shown.origin) return;
    if (landed.current?.key !== shown.key) {
      landed.current = { key: shown.key, path: pathname };
    } else if (landed.current.path !== pathname) {
      current = null;
      emit();
    }
  }, [shown, pathname]);
  const close = () => {
    current = null;
    emit();
  };
  return (
    <div aria-live="polite" role="status" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4 sm:justify-end">
      {shown ? (
        <div
          data-testid="toast"
          className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg border bg-white p-4 shadow-lg ${shown.tone === "error" ? "border-danger" : "border-success"}`}
        >
          <Icon name={shown.tone === "error" ? "alert" : "check"} size={20} className={`mt-0.5 shrink-0 ${shown.tone === "error" ? "text-danger" : "text-success"}`} />
          <p className="text-sm">
            <span className="font-semibold">{shown.message}</span>
            {shown.href ? (
              <>
                {" "}
                <Link href={shown.href} className="text-brand-700 underline" onClick={close}>
                  {shown.linkLabel ?? "Voir la fiche"}
                </Link>
              </>
            ) : null}
          </p>
          <button type="button" onClick={close} className="-m-1 inline-flex min-h-8 min-w-8 items-center justify-center rounded hover:bg-gray-100" aria-label="Fermer le message">
            <Icon name="x" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
