import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "data/**", "lib/server/db/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "public/sw.js"]),
  {
    // Links prefetch on intent, through one component (lib/ui/link.tsx says why).
    files: ["app/**/*.tsx", "lib/**/*.tsx"],
    ignores: ["lib/ui/link.tsx"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "next/link", message: "Use Link from @/lib/ui/link (prefetch on intent)." }] }],
    },
  },
  {
    // lib/core is pure: no framework, no database (DESIGN.md, Layers).
    files: ["lib/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["next", "next/*", "react", "@prisma/*", "@/lib/server/*", "@/lib/features/*", "@/app/*", "node:fs", "fs"] },
      ],
    },
  },
]);
