import type { Metadata } from "next";
import { ENDPOINTS } from "@/lib/api/openapi";
import { TableScroll } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { PageTitle } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Documentation de l'API" };

const METHOD: Record<string, string> = { get: "GET", post: "POST", delete: "DELETE", patch: "PATCH", put: "PUT" };

export default function ApiDocsPage() {
  return (
    <main id="contenu" className="mx-auto flex max-w-5xl flex-col gap-6 p-6">
      <div>
        <p className="text-sm"><TextLink href="/">Retour à l&apos;application</TextLink></p>
        <PageTitle>Documentation de l&apos;API</PageTitle>
        <p className="text-muted">
          Authentification par cookie de session ou par jeton personnel (<code>Authorization: Bearer pe_…</code>, créé sur « Mon profil »).
          Les erreurs ont la forme <code>{"{ error: { code, message, fields? } }"}</code> avec les statuts 400, 401, 403, 404, 409 ou 422.
          Document machine : <a className="text-brand-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
        </p>
      </div>
      <TableScroll label="Points d'accès">
      <table className="w-full border-collapse rounded-lg bg-white text-left text-sm">
        <caption className="sr-only">Points d&apos;accès</caption>
        <thead className="bg-gray-100">
          <tr>
            <th scope="col" className="px-3 py-2">Méthode</th>
            <th scope="col" className="px-3 py-2">Chemin</th>
            <th scope="col" className="px-3 py-2">Description</th>
            <th scope="col" className="px-3 py-2">Permission requise</th>
          </tr>
        </thead>
        <tbody>
          {ENDPOINTS.map((e) => (
            <tr key={`${e.method} ${e.path}`} className="border-t border-gray-200">
              <td className="px-3 py-2 font-mono">{METHOD[e.method]}</td>
              <td className="px-3 py-2 font-mono">{e.path}</td>
              <td className="px-3 py-2">{e.summary}</td>
              <td className="px-3 py-2 font-mono">{e.permission ?? "aucune (public)"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </TableScroll>
    </main>
  );
}
