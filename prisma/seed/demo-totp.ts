// Development only (documented in the README): the TOTP secret of every demo account that uses two-factor login.
export const DEMO_TOTP_SECRET = "KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD";
