import { StatusPage } from "@/components/layout/status-page";

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page introuvable">
      Cette page n&apos;existe pas ou vous n&apos;y avez pas accès.
    </StatusPage>
  );
}
