"use client";

export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="fr">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>Une erreur est survenue</h1>
        <p>Le service est momentanément indisponible. Réessayez dans quelques instants.</p>
        {error.digest ? <p>Référence : {error.digest}</p> : null}
      </body>
    </html>
  );
}
