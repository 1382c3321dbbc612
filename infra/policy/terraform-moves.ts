import { type TfConfig, type TfMove, loadTerraform, moduleDir } from './terraform';
import { type Violation, violation } from './types';

/**
 * Renaming a resource or a module call makes Terraform destroy the old object and create
 * a new one, unless a `moved` block maps the old address to the new. These checks compare
 * the resource addresses of a released configuration (recorded in a file) with the
 * configuration now: every old address still exists, or moved blocks lead from it to one
 * that does.
 *
 * Addresses are full, from the root module, as Terraform writes them, with `[*]` for
 * "every instance" of something that has `for_each` or `count`:
 * `module.ecs.aws_iam_role.execution[*]`, `module.ecr[*].aws_ecr_repository.this`.
 */

const repeats = (body: Record<string, unknown>) =>
  body['for_each'] !== undefined || body['count'] !== undefined;

/** `[*]` for every instance key, so that `x["app"]` and `x[0]` compare with `x[*]`. */
const anyInstance = (address: string) => address.replace(/\[[^\]]*\]/g, '[*]');

interface Tree {
  /** Every resource (not data source) address below the root, full. */
  addresses: string[];
  /** Every moved block below the root, with full addresses. */
  moves: TfMove[];
}

/** The resource addresses and moved blocks of a configuration and its local modules. */
export async function addressTree(config: TfConfig, prefix = ''): Promise<Tree> {
  const tree: Tree = {
    addresses: config.resources
      .filter((r) => !r.type.startsWith('data.'))
      .map((r) => `${prefix}${r.type}.${r.name}${repeats(r.body) ? '[*]' : ''}`),
    moves: config.moved.map(({ from, to }) => ({ from: prefix + from, to: prefix + to })),
  };
  for (const call of config.modules) {
    const child = await addressTree(
      await loadTerraform(moduleDir(config, call)),
      `${prefix}module.${call.name}${repeats(call.args) ? '[*]' : ''}.`,
    );
    tree.addresses.push(...child.addresses);
    tree.moves.push(...child.moves);
  }
  tree.addresses.sort();
  return tree;
}

/**
 * Where a moved block takes `address`: itself, every instance of it (a move without an
 * instance key covers `x[*]`), or something inside a moved module.
 */
const movedBy = (move: TfMove, address: string): string | undefined => {
  if (move.from === address) return move.to;
  if (`${move.from}[*]` === address) return `${move.to}[*]`;
  if (address.startsWith(`${move.from}.`)) return move.to + address.slice(move.from.length);
  return undefined;
};

export async function checkMovedAddresses(root: string, released: string[]): Promise<Violation[]> {
  const tree = await addressTree(await loadTerraform(root));
  const declared = new Set(tree.addresses.map(anyInstance));
  const exists = (address: string) =>
    declared.has(anyInstance(address)) ||
    // A moved module: something is declared inside it.
    tree.addresses.some((a) => anyInstance(a).startsWith(`${anyInstance(address)}.`));
  const resolve = (address: string, seen: Set<string>): boolean => {
    if (exists(address)) return true;
    if (seen.has(address)) return false;
    seen.add(address);
    return tree.moves.some((move) => {
      const to = movedBy(move, address);
      return to !== undefined && resolve(to, seen);
    });
  };
  const found: Violation[] = [];
  for (const address of released) {
    if (!resolve(address, new Set())) {
      found.push(
        violation(
          'moved',
          address,
          'this released address is gone and no moved block leads to a new one: Terraform would destroy it and create a new one',
        ),
      );
    }
  }
  // A move may lead to the next one of a chain (`this` → `generated` → `secret`).
  for (const move of tree.moves) {
    if (!resolve(move.to, new Set())) {
      found.push(
        violation('moved', move.to, `moved from ${move.from} to an address that is not declared`),
      );
    }
  }
  return found;
}
