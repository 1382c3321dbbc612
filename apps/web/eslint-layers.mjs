/**
 * The web app's layers, as lint rules: a feature may import shared/ and another feature's
 * public `index.ts`, never app/ (the app composes features, not the other way round) and
 * never the folders behind another feature's index. shared/ sits below both and imports
 * neither (its specs render real screens, so they are left out); the admin console never
 * imports the ATM's features (its bundle must not carry them).
 *
 * `no-restricted-imports` matches the import's text, not the file it resolves to, so the
 * number of `../` that climbs from a file back to `features/` depends on how deep the file
 * sits: one block per depth says it exactly (a feature's own index.ts is depth 0).
 */
const FEATURES = 'apps/web/src/features';
const DEEPEST_FOLDER = 4;

const appImport = {
  regex: '^(\\.\\./)+app(/|$)',
  message: 'A feature never imports app/: the types it shares with the flow live in shared/flow.',
};

function siblingInternals(depth) {
  return {
    regex: `^(\\.\\./){${depth + 1}}[^./][^/]*/`,
    message:
      "Import another feature through its index.ts ('../../accounts'), never its folders; " +
      'inside one feature, use the short relative path.',
  };
}

const featureBlocks = Array.from({ length: DEEPEST_FOLDER + 1 }, (_, depth) => ({
  files: [`${FEATURES}/*/${'*/'.repeat(depth)}*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [appImport, siblingInternals(depth)] }],
  },
}));

const sharedBlock = {
  files: ['apps/web/src/shared/**/*.{ts,tsx}'],
  ignores: ['**/*.spec.ts', '**/*.spec.tsx'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(\\.\\./)+(features|app)(/|$)',
            message: 'shared/ is used by features and the app, and imports neither.',
          },
        ],
      },
    ],
  },
};

const adminBlock = {
  files: ['apps/web/src/admin/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(\\.\\./)+features(/|$)',
            message: "The admin console never imports the ATM's features (its own bundle).",
          },
        ],
      },
    ],
  },
};

export const webLayerBoundaries = [...featureBlocks, sharedBlock, adminBlock];
