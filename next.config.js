/**
 * Headers every response gets, static files and API routes included. The Content-Security-Policy
 * needs a nonce per request, so proxy.ts sets it.
 */
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native addon, and rate-limiter-flexible loads drizzle-orm by a computed
  // name: both must stay out of the server bundle and load from node_modules.
  serverExternalPackages: ["better-sqlite3", "rate-limiter-flexible"],
  typedRoutes: false,
  poweredByHeader: false,
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
