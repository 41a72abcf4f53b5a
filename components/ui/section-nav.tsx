// In-page navigation of a long workspace (anchored sections): a list of links to the sections'
// ids, sticky on wide screens, wrapping on phones. Each target section must carry the id.
export function SectionNav({ label, sections }: { label: string; sections: readonly { id: string; label: string; count?: number }[] }) {
  return (
    <nav aria-label={label} className="sticky top-0 z-10 -mx-1 overflow-x-auto border-b border-gray-300 bg-[#f7f8fa] px-1 py-2 print:hidden">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={`#${s.id}`} className="font-medium text-brand-700 underline underline-offset-2">
              {s.label}
              {s.count !== undefined ? <span className="text-muted"> ({s.count})</span> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
