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
    // User input's strings go through the shared rule (no control or bidi characters: lib/core/text.ts).
    files: ["app/**/*.ts", "app/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx"],
    ignores: ["lib/core/text.ts", "lib/core/content/**", "lib/server/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-syntax": ["error", { selector: "CallExpression[callee.object.name='z'][callee.property.name='string']", message: "Use text() from @/lib/core/text for user input." }],
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
