import { secureHeaders } from 'hono/secure-headers';

/**
 * The house security headers, written once: the app sends them (local server and API Gateway), and the CloudFront
 * distribution sends the same on every file it serves (`infra/constructs/web-distribution.ts` reads them here).
 * A strict CSP (no inline script or style, no eval), no framing, no referrer leaks, no device features.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Two years, subdomains included. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

/** Device features the forms never use. */
export const PERMISSIONS_POLICY: Record<'camera' | 'microphone' | 'geolocation', string[]> = {
  camera: [],
  microphone: [],
  geolocation: [],
};

/** The CSP as one header value: `default-src 'self'; script-src 'self'; ...`. */
export function contentSecurityPolicyHeader(): string {
  return Object.entries(CONTENT_SECURITY_POLICY)
    .map(([directive, sources]) => `${directive.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(' ')}`)
    .join('; ');
}

/** The Permissions-Policy as one header value: `camera=(), microphone=(), geolocation=()`. */
export function permissionsPolicyHeader(): string {
  return Object.keys(PERMISSIONS_POLICY)
    .map((feature) => `${feature}=()`)
    .join(', ');
}

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on same-origin form POSTs.
    referrerPolicy: 'same-origin',
    strictTransportSecurity: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    xFrameOptions: 'DENY',
    crossOriginEmbedderPolicy: false,
    permissionsPolicy: { ...PERMISSIONS_POLICY },
  });
