import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

/** Import boundaries between the packages (each also has its own tsconfig: DOM or Node, not both). */
const forbid = (groups, paths = []) => [
  "error",
  { paths, patterns: groups.map((g) => ({ group: g.paths, message: g.why })) },
];
/** Shipped code writes schemas with zod/mini, which the bundler can trim (docs/performance.md). */
const zodMiniOnly = [{ name: "zod", message: "Use zod/mini: the client's bundle size depends on it." }];
const browserOnly = {
  paths: ["**/functions/**", "node:*"],
  why: "The client runs in browsers: it never imports the functions or Node modules.",
};
const devOnly = {
  paths: ["**/tests/**", "**/scripts/**", "**/bench/**", "**/dev/**"],
  why: "Shipped code never imports development code.",
};

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "functions/lib/",
      "client/dist/",
      ".cache/",
      "reports/",
      "hosting/public/demo.js",
    ],
  },
  js.configs.recommended,
  {
    files: ["**/*.{js,mjs}"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // Each file is checked with its package's tsconfig (client/, functions/, or the root one).
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["client/src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": forbid([devOnly, browserOnly], zodMiniOnly),
    },
  },
  {
    files: ["client/src/schema/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(
        [
          devOnly,
          browserOnly,
          {
            paths: ["firebase", "firebase/*", "firebase-admin", "firebase-admin/*", "../*"],
            why: "The functions bundle schema/: it imports no Firebase SDK and nothing of the client outside schema/.",
          },
        ],
        zodMiniOnly,
      ),
    },
  },
  {
    files: ["functions/src/**/*.ts"],
    rules: {
      "no-restricted-imports": forbid(
        [
          devOnly,
          {
            paths: ["**/client/src/**", "!**/client/src/schema", "!**/client/src/schema/**"],
            why: "Functions share only the schema with the client.",
          },
        ],
        zodMiniOnly,
      ),
    },
  },
  {
    files: ["scripts/**", "bench/**", "dev/**"],
    rules: {
      "no-restricted-imports": forbid([
        {
          paths: ["**/tests/**"],
          why: "Tests import scripts and dev helpers, not the other way round (shared helpers live in dev/).",
        },
      ]),
    },
  },
);
