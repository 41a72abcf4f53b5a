// One information notice (or the commitment) as printed and shown: title, paragraphs, its version
// and date. Used by the job-seeker, contact and chef-de-file notice pages and the administration page.
import { formatDate } from "@/lib/format";
import { Card } from "@/components/ui/card";

export function NoticeText({ notice, headingLevel = 2 }: { notice: { kind: string; version: number; title: string; body: string; validFrom: string }; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = `notice-${notice.kind}-${notice.version}`;
  return (
    <Card as="article" className="flex flex-col gap-2" aria-labelledby={id}>
      <Heading id={id} className="text-lg font-semibold">{notice.title}</Heading>
      {notice.body.split(/\n\s*\n/).map((para, i) => <p key={i} className="whitespace-pre-line text-sm">{para}</p>)}
      <p className="text-xs text-muted">Version {notice.version}, en vigueur depuis le {formatDate(notice.validFrom)}.</p>
    </Card>
  );
}
