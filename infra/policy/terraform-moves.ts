import { join } from 'node:path';
import { type TfConfig, loadTerraform, moduleDir } from './terraform';
import { type Violation, violation } from './types';

/**
 * Renaming a resource or a module call makes Terraform destroy the old object and create
 * a new one, unless a `moved` block maps the old address to the new. These checks compare
 * the addresses of a released configuration (recorded in a file, per module directory)
 * with the configuration now: every old address still exists, or moved blocks lead from
 * it to one that does.
 *
 * An address is written as Terraform writes it, with `[*]` for "every instance" of a
 * resource or module call that has `for_each` or `count`: `aws_iam_role.execution[*]`,
 * `aws_iam_role.task["app"]`, `module.logs_bucket.aws_s3_bucket.this`.
 */

/** Released addresses by module directory, relative to the root (`""`, `modules/ecs`). */
export type ReleasedAddresses = Record<string, string[]>;

const repeats = (body: Record<string, unknown>) =>
  body['for_each'] !== undefined || body['count'] !== undefined;

/** The addresses a configuration declares: resources (not data sources) and module calls. */
export function addressesOf(config: TfConfig): string[] {
  return [
    ...config.resources
      .filter((r) => !r.type.startsWith('data.'))
      .map((r) => `${r.type}.${r.name}${repeats(r.body) ? '[*]' : ''}`),
    ...config.modules.map((m) => `module.${m.name}${repeats(m.args) ? '[*]' : ''}`),
  ].sort();
}

/** `X["key"]` or `X[0]` → X and the key; `X` → X alone. */
const splitInstance = (address: string) => {
  const match = /^(.*?)(\[[^\]]*\])$/.exec(address);
  return match ? { base: match[1] ?? address, key: match[2] } : { base: address, key: undefined };
};

/** The configurations of a directory and its local modules, loaded once each. */
class Tree {
  private readonly loaded = new Map<string, Promise<TfConfig>>();

  load(dir: string): Promise<TfConfig> {
    const known = this.loaded.get(dir);
    if (known) return known;
    const loading = loadTerraform(dir);
    this.loaded.set(dir, loading);
    return loading;
  }

  /** Whether `address` names something `dir`'s configuration declares. */
  async declares(dir: string, address: string): Promise<boolean> {
    const config = await this.load(dir);
    const child = /^module\.([A-Za-z0-9_-]+)(\[[^\]]*\])?\.(.+)$/.exec(address);
    if (child) {
      const call = config.modules.find((m) => m.name === child[1]);
      return (
        call !== undefined &&
        repeats(call.args) === (child[2] !== undefined) &&
        this.declares(moduleDir(config, call), child[3] ?? '')
      );
    }
    const declared = addressesOf(config);
    const { base, key } = splitInstance(address);
    return key === undefined ? declared.includes(base) : declared.includes(`${base}[*]`);
  }

  /** Follows moved blocks from `address` to where it lives now; undefined when lost. */
  async resolve(
    dir: string,
    address: string,
    seen = new Set<string>(),
  ): Promise<string | undefined> {
    if (await this.declares(dir, address)) return address;
    if (seen.has(address)) return undefined;
    seen.add(address);
    const { base, key } = splitInstance(address);
    const moves = (await this.load(dir)).moved;
    // `[*]` moves with its resource as a whole: a move of the bare name covers it.
    const move = moves.find((m) => m.from === address || (key === '[*]' && m.from === base));
    if (move === undefined) return undefined;
    const to = move.from === base && key === '[*]' ? `${move.to}[*]` : move.to;
    return this.resolve(dir, to, seen);
  }
}

export async function checkMovedAddresses(
  root: string,
  released: ReleasedAddresses,
): Promise<Violation[]> {
  const tree = new Tree();
  const found: Violation[] = [];
  for (const [relativeDir, addresses] of Object.entries(released)) {
    const dir = join(root, relativeDir);
    for (const address of addresses) {
      if ((await tree.resolve(dir, address)) === undefined) {
        found.push(
          violation(
            'moved',
            `${relativeDir || '.'}: ${address}`,
            'this released address is gone and no moved block leads to a new one: Terraform would destroy it and create a new one',
          ),
        );
      }
    }
    for (const move of (await tree.load(dir)).moved) {
      if (!(await tree.declares(dir, move.to))) {
        found.push(
          violation(
            'moved',
            `${relativeDir || '.'}: ${move.to}`,
            `moved from ${move.from} to an address that is not declared`,
          ),
        );
      }
    }
  }
  return found;
}
