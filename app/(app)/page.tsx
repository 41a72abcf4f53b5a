import type { Metadata } from "next";
import { FigureCards } from "@/components/home/figure-cards";
import { requirePageUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { homeFigures } from "@/lib/home/home.service";
import { ROLE_LABELS } from "@/lib/nav";

export const metadata: Metadata = { title: "Accueil" };

export default async function HomePage() {
  const user = await requirePageUser("home.view");
  const figures = await homeFigures(db, user);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Bonjour {user.firstName}</h1>
        <p className="text-muted" data-testid="home-role">
          Espace {ROLE_LABELS[user.role]}
        </p>
      </div>
      <FigureCards figures={figures} />
    </div>
  );
}
