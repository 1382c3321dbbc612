/** @jest-environment node */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The rule is proved on the workspace's real eslint config (eslint.config.mjs with
// apps/web/eslint-layers.mjs), linted in a child process: ESLint loads its flat
// config through ESM, which jest's module system cannot host.

const workspace = path.resolve(__dirname, '../../../..');

interface Fixture {
  /** Where the fixture pretends to live, relative to the workspace. */
  file: string;
  source: string;
}

/** Marks where the answer starts: the Nx plugin prints its own warnings on stdout. */
const RESULT_MARK = 'FIXTURE-LINT-RESULT:';

const LINT_FIXTURES = `
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
const fixtures = JSON.parse(readFileSync(0, 'utf8'));
// The fixtures are files no tsconfig holds, so type-aware linting is off for them (it
// would refuse to parse them); the import rules need no types.
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });
const found = [];
for (const fixture of fixtures) {
  const [result] = await eslint.lintText(fixture.source, { filePath: fixture.file });
  found.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
}
process.stdout.write('\\n' + process.env.RESULT_MARK + JSON.stringify(found));
`;

/** The `no-restricted-imports` messages each fixture gets, in order. */
function restrictedImportMessages(fixtures: Fixture[]): string[][] {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', LINT_FIXTURES], {
    cwd: workspace,
    input: JSON.stringify(fixtures),
    encoding: 'utf8',
    env: { ...process.env, RESULT_MARK },
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  return JSON.parse(
    output.slice(output.lastIndexOf(RESULT_MARK) + RESULT_MARK.length),
  ) as string[][];
}

const feature = (file: string) => `apps/web/src/features/${file}`;
const uses = (what: string, from: string) =>
  `import { ${what} } from '${from}';\nexport const used = ${what};\n`;

const refused: Array<[label: string, fixture: Fixture, says: RegExp]> = [
  [
    'a feature importing the app',
    {
      file: feature('deposit/components/Fixture.tsx'),
      source: uses('flowReducer', '../../../app/flow'),
    },
    /never imports app\//,
  ],
  [
    "a feature reaching into another feature's hooks",
    {
      file: feature('deposit/components/Fixture.tsx'),
      source: uses('accountName', '../../accounts/hooks/useAccounts'),
    },
    /through its index\.ts/,
  ],
  [
    "a feature's index re-exporting another feature's component",
    {
      file: feature('deposit/index.ts'),
      source: uses('AccountChoiceScreen', '../accounts/components/AccountChoice'),
    },
    /through its index\.ts/,
  ],
  [
    "a file one folder deeper reaching into another feature's api",
    {
      file: feature('transfer/components/parts/Fixture.tsx'),
      source: uses('authApi', '../../../auth/api/auth-api'),
    },
    /through its index\.ts/,
  ],
  [
    'shared code importing a feature',
    {
      file: 'apps/web/src/shared/components/Fixture.tsx',
      source: uses('accountName', '../../features/accounts'),
    },
    /imports neither/,
  ],
  [
    'shared code importing the app',
    {
      file: 'apps/web/src/shared/machine/components/Fixture.tsx',
      source: uses('flowReducer', '../../../app/flow'),
    },
    /imports neither/,
  ],
  [
    'the admin console importing an ATM feature',
    {
      file: 'apps/web/src/admin/pages/Fixture.tsx',
      source: uses('useAccounts', '../../features/accounts/hooks/useAccounts'),
    },
    /never imports the ATM's features/,
  ],
];

const allowed: Array<[label: string, fixture: Fixture]> = [
  [
    "another feature's index",
    {
      file: feature('deposit/components/Fixture.tsx'),
      source: uses('accountName', '../../accounts'),
    },
  ],
  [
    'shared UI',
    {
      file: feature('deposit/components/Fixture.tsx'),
      source: uses('Screen', '../../../shared/machine/components/Screen'),
    },
  ],
  [
    "the feature's own hooks",
    {
      file: feature('deposit/components/Fixture.tsx'),
      source: uses('useDeposit', '../hooks/useDeposit'),
    },
  ],
  [
    'the app importing a feature',
    {
      file: 'apps/web/src/app/Fixture.tsx',
      source: uses('DepositScreen', '../features/deposit/components/DepositScreen'),
    },
  ],
  [
    'a shared spec rendering a real screen',
    {
      file: 'apps/web/src/shared/i18n/Fixture.spec.tsx',
      source: uses('MainMenu', '../../features/menu/components/MainMenu'),
    },
  ],
  [
    "the admin console's own app folder",
    { file: 'apps/web/src/admin/pages/Fixture.tsx', source: uses('Link', '../app/router') },
  ],
];

describe('the web layers lint rules', () => {
  // One child process lints every fixture: starting ESLint with the Nx plugin takes seconds.
  let messages: string[][] = [];
  beforeAll(() => {
    messages = restrictedImportMessages([
      ...refused.map(([, fixture]) => fixture),
      ...allowed.map(([, fixture]) => fixture),
    ]);
  }, 120_000);

  it.each(refused.map(([label, , says], index) => [label, index, says] as const))(
    'refuses %s',
    (_label, index, says) => {
      expect(messages[index]).toEqual([expect.stringMatching(says)]);
    },
  );

  it.each(allowed.map(([label], index) => [label, refused.length + index] as const))(
    'allows %s',
    (_label, index) => {
      expect(messages[index]).toEqual([]);
    },
  );
});
