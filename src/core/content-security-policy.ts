/**
 * The page's Content-Security-Policy, one for both hosts: sent as a header on everything `app:`
 * serves and added to every other response by the desktop's session (src/main/security.ts), where
 * `'self'` is `app://incumbent`, and on everything the web host serves (src/server/http.ts). The
 * page's own meta tag says the same but `frame-ancestors`, which a meta tag cannot carry.
 */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";
