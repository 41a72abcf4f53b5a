import Link from "next/link";
import type { HomeFigure } from "@/lib/home/home.service";
import { Card } from "@/components/ui/card";

const number = new Intl.NumberFormat("fr-FR");

export function FigureCards({ figures }: { figures: HomeFigure[] }) {
  if (figures.length === 0) return <p className="text-muted">Aucun indicateur pour votre rôle.</p>;
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {figures.map((f) => (
        <Card as="li" key={f.key} data-testid={`figure-${f.key}`} className={f.tone === "alert" && f.value > 0 ? "border-warning" : undefined}>
          <p className="text-sm text-muted">{f.label}</p>
          <p className="mt-1 text-3xl font-bold">
            {number.format(f.value)}
            {f.tone === "alert" && f.value > 0 ? <span className="ml-2 align-middle text-sm font-semibold text-warning">à traiter</span> : null}
          </p>
          {f.href ? (
            <Link href={f.href} className="mt-2 inline-block text-sm text-brand-700 underline">
              Voir le détail<span className="sr-only"> : {f.label}</span>
            </Link>
          ) : null}
        </Card>
      ))}
    </ul>
  );
}
