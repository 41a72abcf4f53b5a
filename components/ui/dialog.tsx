"use client";
// A modal dialog on the native <dialog> element: the browser traps the focus, Escape closes, the
// rest of the page is inert, and the focus returns to the opener. Use it for a short task that must
// not lose the page behind (confirm with details, a small form). For a plain yes/no confirmation
// the screens use window.confirm (the e2e specs accept it).
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icons";

export function Dialog({ open, onClose, title, children, footer }: { open: boolean; onClose: () => void; title: string; children: ReactNode; footer?: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-gray-300 bg-white p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      <div className="flex items-start justify-between gap-3 border-b border-gray-200 p-4">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <Button variant="outline" size="sm" onClick={onClose} aria-label="Fermer">
          <Icon name="x" />
        </Button>
      </div>
      <div className="p-4">{children}</div>
      {footer ? <div className="flex flex-wrap justify-end gap-2 border-t border-gray-200 p-4">{footer}</div> : null}
    </dialog>
  );
}
