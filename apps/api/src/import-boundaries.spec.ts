import { ESLint, type Linter } from 'eslint';
import { join, resolve } from 'node:path';
import tseslint from 'typescript-eslint';

// Proves the boundary rules in eslint.config.mjs bite: the same lint run `npm run lint` does,
// on code that reaches into another module's files and on code that goes through its index.
const workspaceRoot = resolve(__dirname, '../../..');
const apiSource = join(workspaceRoot, 'apps/api/src');

/**
 * The workspace's own eslint.config.mjs, loaded here because ESLint's loader adds a
 * `?mtime=` query to the file's URL, which jest's module loader cannot resolve.
 */
async function workspaceConfig(): Promise<Linter.Config[]> {
  const loaded = (await import(join(workspaceRoot, 'eslint.config.mjs'))) as {
    default: Linter.Config[];
  };
  return loaded.default;
}

async function boundaryErrors(relativePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: workspaceRoot,
    overrideConfigFile: true,
    // The fixtures are files no tsconfig holds, so type-aware linting is off for them (it
    // would refuse to parse them); the import rules need no types.
    overrideConfig: [...(await workspaceConfig()), tseslint.configs.disableTypeChecked],
  });
  const [result] = await eslint.lintText(code, { filePath: join(apiSource, relativePath) });
  // A fixture that does not parse would pass every "no error" check: refuse it instead.
  const fatal = result?.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`the fixture did not lint: ${fatal.message}`);
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

const usesAccountsService = (from: string): string =>
  `import { AccountsService } from '${from}';\nexport const service = AccountsService;\n`;

describe('module boundaries inside the API', () => {
  it('refuses an import of a file inside another module', async () => {
    const errors = await boundaryErrors(
      'transactions/boundary-fixture.ts',
      usesAccountsService('../accounts/accounts.service'),
    );
    expect(errors).toEqual([expect.stringContaining('through its index')]);
  });

  it("accepts the same import through the module's index", async () => {
    const errors = await boundaryErrors(
      'transactions/boundary-fixture.ts',
      usesAccountsService('../accounts'),
    );
    expect(errors).toEqual([]);
  });

  it('refuses a deep import two folders up, and accepts its index', async () => {
    const deep = "import { Clock } from '../../common/clock';\nexport const clock = Clock;\n";
    const viaIndex = "import { Clock } from '../../common';\nexport const clock = Clock;\n";
    expect(await boundaryErrors('admin/console/boundary-fixture.ts', deep)).toHaveLength(1);
    expect(await boundaryErrors('admin/console/boundary-fixture.ts', viaIndex)).toEqual([]);
  });

  it("lets a file import from its own module's sub-folders", async () => {
    const code = "import { LoginDto } from './dto/login.dto';\nexport const dto = LoginDto;\n";
    expect(await boundaryErrors('auth/boundary-fixture.ts', code)).toEqual([]);
  });

  it('makes the entry points import modules through their index too', async () => {
    expect(
      await boundaryErrors(
        'boundary-fixture.ts',
        usesAccountsService('./accounts/accounts.service'),
      ),
    ).toHaveLength(1);
    expect(await boundaryErrors('boundary-fixture.ts', usesAccountsService('./accounts'))).toEqual(
      [],
    );
  });

  it('keeps common/ free of domain modules and web/', async () => {
    const fromWeb =
      "import { registerWebApp } from '../web';\nexport const web = registerWebApp;\n";
    const fromI18n = "import { pickLanguage } from '../i18n';\nexport const pick = pickLanguage;\n";
    expect(await boundaryErrors('common/boundary-fixture.ts', fromWeb)).toEqual([
      expect.stringContaining('`common/` must not depend'),
    ]);
    expect(
      await boundaryErrors('common/boundary-fixture.ts', usesAccountsService('../accounts')),
    ).toHaveLength(1);
    expect(await boundaryErrors('common/boundary-fixture.ts', fromI18n)).toEqual([]);
  });
});
