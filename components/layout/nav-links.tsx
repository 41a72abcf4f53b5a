"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const current = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={`inline-block border-b-4 px-3 py-2 text-sm ${current ? "border-brand-600 font-semibold text-brand-800" : "border-transparent hover:border-gray-300"}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
