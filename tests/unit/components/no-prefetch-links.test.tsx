// @vitest-environment jsdom
// Issue 18: the links every page renders do not prefetch. The application's pages are all dynamic
// (per user, no loading.tsx): a prefetch only renders the target's layouts on the server
// (authentication, unread count, header) and the click fetches the page anyway. Measured on the
// job-seeker search page in a browser: 50 prefetch requests per load (≈ 170 ms of Node CPU), none
// now. next/link is replaced by a recorder of the props it is given: its `prefetch` is not in the DOM.
import { cleanup, render, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataTable } from "@/components/data-table/data-table";
import { SiteHeader } from "@/components/layout/site-header";
import { NotificationBell } from "@/components/notifications/bell";
import { LinkButton } from "@/components/ui/button";

const links: { href: string; prefetch: unknown }[] = [];
vi.mock("next/link", () => ({
  default: ({ href, prefetch, children, ...rest }: { href: string; prefetch?: unknown; children: ReactNode }) => {
    links.push({ href, prefetch });
    return <a href={href} {...rest}>{children}</a>;
  },
}));
vi.mock("next/navigation", () => ({
  usePathname: () => "/demandeurs",
  useSearchParams: () => new URLSearchParams("q=schneider"),
  useRouter: () => ({ push: () => undefined }),
}));
vi.mock("next-auth/react", () => ({ signOut: () => undefined }));

afterEach(() => {
  cleanup();
  links.length = 0;
});

describe("liens sans préchargement (ticket 18)", () => {
  it("en-tête : marque, menu (et « Plus »), liens de l'utilisateur, cloche", () => {
    render(
      <SiteHeader
        items={[{ href: "/", label: "Accueil" }, { href: "/demandeurs", label: "Demandeurs d'emploi" }, { href: "/rgpd/archives", label: "Archives", more: true }]}
        userLinks={[{ href: "/profil", label: "Mon profil" }]}
        userName="Annonciade Mathieu"
        roleLabel="Responsable de plateforme"
        unread={2}
        canSearch={false}
      />,
    );
    expect(screen.getByTestId("notification-bell").getAttribute("href")).toBe("/notifications");
    const hrefs = links.map((l) => l.href);
    for (const href of ["/", "/demandeurs", "/rgpd/archives", "/profil", "/notifications"]) expect(hrefs).toContain(href);
    expect(links.filter((l) => l.prefetch !== false)).toEqual([]);
  });

  it("cloche, bouton-lien (sauf demande explicite) et tri des listes", () => {
    render(<NotificationBell unread={0} />);
    render(<LinkButton href="/demandeurs/nouveau">Nouveau demandeur d&apos;emploi</LinkButton>);
    render(<LinkButton href="/aide" prefetch={true}>Aide</LinkButton>);
    render(<DataTable caption="Demandeurs" columns={[{ id: "name", header: "Nom", enableSorting: true, accessorKey: "name" }]} data={[{ name: "Schneider" }]} total={80} page={1} pageSize={50} />);
    expect(links.find((l) => l.href === "/notifications")?.prefetch).toBe(false);
    expect(links.find((l) => l.href === "/demandeurs/nouveau")?.prefetch).toBe(false);
    expect(links.find((l) => l.href === "/aide")?.prefetch).toBe(true);
    const sort = links.find((l) => l.href.includes("sort=name"));
    expect(sort?.prefetch).toBe(false);
    // Pagination (LinkButton) too.
    expect(links.find((l) => l.href.includes("page=2"))?.prefetch).toBe(false);
  });
});
