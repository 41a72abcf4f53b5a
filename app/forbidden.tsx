import { StatusPage } from "@/components/layout/status-page";

export default function Forbidden() {
  return (
    <StatusPage code="403" title="Accès refusé">
      Votre rôle ne permet pas d&apos;accéder à cette page. Si vous pensez qu&apos;il s&apos;agit d&apos;une erreur, contactez
      l&apos;administrateur de votre plateforme.
    </StatusPage>
  );
}
