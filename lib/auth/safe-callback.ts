// Where the login form goes after signing in: a path of this site, never another site (open
// redirect). The value is parsed as a URL against the app's origin and kept only when it stays on
// that origin; anything a browser or router might read differently once decoded (backslashes,
// control characters, encoded slashes at the start) falls back to the home page.
const HOME = "/";
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

export function safeCallback(raw: string | null | undefined, origin: string): string {
  if (!raw || !raw.startsWith("/") || raw.length > 2000) return HOME;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return HOME;
  }
  if (UNSAFE.test(raw) || UNSAFE.test(decoded) || /^\/[/\\]/.test(decoded)) return HOME;
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return HOME;
  }
  if (url.origin !== new URL(origin).origin) return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
