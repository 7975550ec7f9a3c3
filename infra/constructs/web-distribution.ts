import { Duration, Fn } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { HSTS_MAX_AGE_SECONDS, contentSecurityPolicyHeader, permissionsPolicyHeader } from '../../functions/src/http/security-headers.js';
import { requireBuildOutput } from './require-build-output.js';

export interface WebDistributionProps {
  /** The built web app (`index.html` plus hashed files under `assets/`). */
  readonly webDir: string;
  /** The HTTP API served on the same origin as the web app. */
  readonly api: apigwv2.IHttpApi;
  /** Path patterns CloudFront sends to the API, e.g. `/api/*`. */
  readonly apiPaths: string[];
  /**
   * A secret CloudFront adds to every API request as `X-Origin-Verify`, so the API can trust the viewer address
   * CloudFront forwards (`CloudFront-Viewer-Address`) and count rate limits per resident, not per edge server.
   */
  readonly originVerifySecret: string;
}

/**
 * Only what the API reads, plus the resident's address for rate limits. Not `Host` (API Gateway routes by its
 * own host name) and nothing else of the viewer's.
 */
const API_HEADERS = ['Origin', 'Content-Type', 'Accept', 'Accept-Language', 'Idempotency-Key', 'User-Agent', 'CloudFront-Viewer-Address'];

// Paths without a file extension are client-side routes of the single-page app. This runs only on the
// S3 behaviour: a distribution-wide 404 -> index.html mapping would also rewrite the API's JSON 404s.
const SPA_FALLBACK = `
function handler(event) {
  var request = event.request;
  var last = request.uri.substring(request.uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) request.uri = '/index.html';
  return request;
}`;

/**
 * The public face of the system: a private S3 bucket behind CloudFront (origin access control) for the
 * web app, the API on the same origin under `apiPaths`, and strict security headers on every response.
 */
export class WebDistribution extends Construct {
  readonly distribution: cloudfront.Distribution;
  /** `https://` URL of the distribution, the base of links in emails. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebDistributionProps) {
    super(scope, id);
    const webDir = requireBuildOutput(props.webDir, 'index.html');

    const bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
    });

    const securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      securityHeadersBehavior: {
        // The app's own headers (functions/src/http/security-headers.ts): no 'unsafe-inline' or 'unsafe-eval', ever.
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicyHeader(), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(HSTS_MAX_AGE_SECONDS),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        // same-origin: action links carry tokens in the URL, so no referrer leaves the site, while
        // same-origin form posts keep their Origin header for CSRF checks (no-referrer would null it).
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [{ header: 'Permissions-Policy', value: permissionsPolicyHeader(), override: true }],
      },
    });

    const spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    const apiRequests = new cloudfront.OriginRequestPolicy(this, 'ApiRequests', {
      comment: 'Koto Forms API: the headers it reads, cookies and query strings, and the viewer address',
      headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList(...API_HEADERS),
      cookieBehavior: cloudfront.OriginRequestCookieBehavior.all(),
      queryStringBehavior: cloudfront.OriginRequestQueryStringBehavior.all(),
    });
    const apiBehavior: cloudfront.BehaviorOptions = {
      origin: new origins.HttpOrigin(apiDomain, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
        customHeaders: { 'X-Origin-Verify': props.originVerifySecret },
      }),
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
      cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
      originRequestPolicy: apiRequests,
      responseHeadersPolicy: securityHeaders,
    };

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'Koto Forms: web app and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: spaFallback, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(props.apiPaths.map((path) => [path, apiBehavior])),
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    // Hashed files first and never pruned, so a page loaded before a deploy can still fetch its lazy
    // chunks; then the HTML, revalidated on every load, and the cache invalidated.
    const site = s3deploy.Source.asset(webDir);
    const hashedFiles = new s3deploy.BucketDeployment(this, 'DeployHashedFiles', {
      sources: [site],
      destinationBucket: bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new s3deploy.BucketDeployment(this, 'DeployPages', {
      sources: [site],
      destinationBucket: bucket,
      exclude: ['assets/*'],
      prune: false,
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
    });
    pages.node.addDependency(hashedFiles);
  }
}
