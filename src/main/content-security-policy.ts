/**
 * The page's Content-Security-Policy, sent as a header on everything `app:` serves and added to
 * every other response by the session (src/main/security.ts). `'self'` is `app://incumbent`.
 * Kept in a file of its own, without electron, so the pure protocol responder can use it.
 */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
