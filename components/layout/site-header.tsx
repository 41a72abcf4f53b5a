"use client";
// The application header. From 1024 px: brand, search, who is signed in, the bell and « Se
// déconnecter » on one row, the navigation on one line under it. Below 1024 px the row keeps the
// brand, the bell and a « Menu » button (a disclosure: aria-expanded, Escape closes and gives the
// focus back) that opens the navigation, the search, who is signed in and « Se déconnecter ».
// A long menu (a platform manager's) puts its seldom-used entries under « Plus » on a laptop (a
// disclosure too) so that it fits on one line at 1366 px; the phone menu lists every entry.
// Its links do not prefetch (issue 18): every page of the application is dynamic (per user, no
// loading.tsx), so a prefetch only renders the target's layouts on the server — authentication,
// unread count, this header: 3 to 6 ms of Node CPU each — and the click fetches the page anyway.
// With prefetching, each page load in a browser sent one such request per menu entry in view.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { NotificationBell } from "@/components/notifications/bell";
import { SearchBox } from "@/components/search/search-box";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/icons";

export interface HeaderProps {
  /** `more`: under « Plus » on a laptop. */
  items: { href: string; label: string; more?: boolean }[];
  /** Secondary links of the user menu (profile, exports, API documentation). */
  userLinks: { href: string; label: string }[];
  userName: string;
  roleLabel: string;
  unread: number;
  canSearch: boolean;
}

function isCurrent(href: string, pathname: string) {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function SiteHeader({ items, userLinks, userName, roleLabel, unread, canSearch }: HeaderProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [openedOn, setOpenedOn] = useState(pathname);
  const button = useRef<HTMLButtonElement>(null);
  const [moreOpen, setMoreOpen] = useState(false);
  const [moreOpenedOn, setMoreOpenedOn] = useState(pathname);
  const moreButton = useRef<HTMLButtonElement>(null);
  const moreBox = useRef<HTMLLIElement>(null);
  // A navigation closes the menus (derived during render, no effect needed).
  if (open && openedOn !== pathname) setOpen(false);
  if (moreOpen && moreOpenedOn !== pathname) setMoreOpen(false);

  useEffect(() => {
    if (!moreOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setMoreOpen(false);
        moreButton.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!moreBox.current?.contains(e.target as Node)) setMoreOpen(false);
    };
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onPointer);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onPointer);
    };
  }, [moreOpen]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  // The longest match wins (« /rgpd/demandes » over « /rgpd »).
  const current = items.filter((i) => isCurrent(i.href, pathname)).sort((a, b) => b.href.length - a.href.length)[0]?.href;

  const moreItems = items.filter((i) => i.more);
  const moreCurrent = moreItems.some((i) => i.href === current);

  return (
    <header className="border-b border-gray-300 bg-white">
      <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-2">
        <Link href="/" prefetch={false} className="shrink-0 font-bold text-brand-800">
          SI Proch&apos;Emploi
          <span className="block text-xs font-normal text-muted">Région Hauts-de-France</span>
        </Link>
        {canSearch ? (
          <div className="hidden min-w-0 lg:block">
            <SearchBox />
          </div>
        ) : null}
        <div className="ml-auto flex items-center gap-2 text-sm">
          <div className="hidden text-right lg:block">
            <p className="font-medium" data-testid="current-user">
              {userName}
            </p>
            <p className="text-muted" data-testid="current-role">
              {roleLabel}
            </p>
          </div>
          <NotificationBell unread={unread} />
          <div className="hidden lg:block">
            <SignOutButton />
          </div>
          <Button
            ref={button}
            variant="outline"
            className="px-3 text-base font-semibold lg:hidden"
            aria-expanded={open}
            aria-controls="menu-principal"
            onClick={() => {
              setOpenedOn(pathname);
              setOpen((o) => !o);
            }}
          >
            <Icon name={open ? "x" : "menu"} size={18} />
            Menu
          </Button>
        </div>
      </div>
      <div id="menu-principal" className={cn("mx-auto max-w-7xl px-4 lg:block lg:max-w-none lg:px-3", open ? "block pb-4" : "hidden")}>
        <div className="flex flex-col gap-3 border-t border-gray-200 py-3 lg:hidden">
          {canSearch ? <SearchBox id="global-search-menu" /> : null}
          <div className="text-sm">
            <p className="font-medium">{userName}</p>
            <p className="text-muted">{roleLabel}</p>
          </div>
        </div>
        <nav aria-label="Navigation principale">
          <ul className="flex flex-col lg:flex-row lg:flex-wrap">
            {items.map((item) => (
              // An entry under « Plus » shows here on a phone only.
              <li key={item.href} className={item.more ? "lg:hidden" : undefined}>
                <NavLink item={item} here={item.href === current} />
              </li>
            ))}
            {moreItems.length > 0 ? (
              <li ref={moreBox} className="relative hidden lg:block">
                <button
                  ref={moreButton}
                  type="button"
                  aria-expanded={moreOpen}
                  aria-controls="menu-plus"
                  onClick={() => {
                    setMoreOpenedOn(pathname);
                    setMoreOpen((o) => !o);
                  }}
                  className={cn(
                    "inline-flex min-h-10 items-center gap-1 border-b-4 px-1.5 py-2 text-sm whitespace-nowrap",
                    moreCurrent ? "border-brand-600 font-semibold text-brand-800" : "border-transparent hover:border-gray-300",
                  )}
                >
                  Plus
                  {moreCurrent ? <span className="sr-only"> (contient la page en cours)</span> : null}
                  <Icon name="chevronDown" size={14} />
                </button>
                <ul id="menu-plus" hidden={!moreOpen} className="absolute right-0 z-40 mt-1 min-w-56 rounded border border-gray-300 bg-white py-1 shadow-lg">
                  {moreItems.map((item) => (
                    <li key={item.href}>
                      <NavLink item={item} here={item.href === current} inMenu />
                    </li>
                  ))}
                </ul>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="flex flex-col gap-2 border-t border-gray-200 pt-3 lg:hidden">
          <ul className="flex flex-col">
            {userLinks.map((l) => (
              <li key={l.href}>
                <Link href={l.href} prefetch={false} className="block min-h-10 px-3 py-2 text-sm text-brand-700 underline">
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
          <div>
            <SignOutButton />
          </div>
        </div>
      </div>
    </header>
  );
}

function NavLink({ item, here, inMenu = false }: { item: { href: string; label: string }; here: boolean; inMenu?: boolean }) {
  return (
    <Link
      href={item.href}
      prefetch={false}
      aria-current={here ? "page" : undefined}
      className={cn(
        "block min-h-10 border-l-4 px-3 py-2 text-sm whitespace-nowrap",
        !inMenu && "lg:inline-block lg:border-b-4 lg:border-l-0 lg:px-1.5",
        here ? "border-brand-600 font-semibold text-brand-800" : "border-transparent hover:border-gray-300",
      )}
    >
      {item.label}
    </Link>
  );
}
