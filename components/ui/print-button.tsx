"use client";
// Opens the browser's print dialog (« Enregistrer au format PDF » included). Pages that print
// mark their printable root with the `print-report` class (A4 rules in app/globals.css).
import { Button } from "@/components/ui/button";

export function PrintButton({ label = "Imprimer", variant = "primary" }: { label?: string; variant?: "primary" | "secondary" }) {
  return (
    <Button type="button" variant={variant} className="print:hidden" onClick={() => {
      // Folded tables are printed too.
      document.querySelectorAll<HTMLDetailsElement>(".print-report details").forEach((d) => { d.open = true; });
      window.print();
    }}>
      {label}
    </Button>
  );
}
