// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and driver packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "pg", "bcryptjs"],
  // `npm test` runs `tsc --noEmit` over the whole project as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};

module.exports = nextConfig;
