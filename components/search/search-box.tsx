"use client";
// The header search box. "/" (outside a field) or Ctrl+K / ⌘K puts the focus in it.
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/field";

export function SearchBox({ defaultValue = "", id = "global-search" }: { defaultValue?: string; id?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const router = useRouter();
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if ((e.key === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        ref.current?.focus();
        ref.current?.select();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <form
      role="search"
      aria-label="Recherche globale"
      onSubmit={(e) => {
        e.preventDefault();
        const q = ref.current?.value.trim() ?? "";
        if (q) router.push(`/recherche?q=${encodeURIComponent(q)}`);
      }}
      className="flex items-center gap-2"
    >
      <label htmlFor={id} className="sr-only">Rechercher (raccourci : / ou Ctrl+K)</label>
      <input
        ref={ref}
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Rechercher… ( / )"
        aria-keyshortcuts="/ Control+K Meta+K"
        className={controlClass(undefined, "text-sm lg:w-56")}
      />
      <Button type="submit" variant="secondary" size="sm" className="min-h-10">
        Rechercher
      </Button>
    </form>
  );
}
