import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMovedAddresses } from '../policy/terraform-moves';
import { fixtures, terraformRoot } from './paths';

/**
 * `terraform plan` needs an AWS account, so these tests prove the other way that a
 * refactoring plans no destroy and create: every address of the released configuration
 * still exists, or moved blocks lead from it to one that does.
 */
const released = JSON.parse(
  readFileSync(join(fixtures, 'terraform', 'released-addresses.json'), 'utf8'),
) as string[];

describe('moved blocks', () => {
  it('lead every released address to one the configuration declares', async () => {
    expect(await checkMovedAddresses(terraformRoot, released)).toEqual([]);
  });

  describe('in a copy with one moved block removed', () => {
    let copy: string;

    beforeAll(() => {
      copy = mkdtempSync(join(tmpdir(), 'atm-moved-'));
      cpSync(terraformRoot, copy, {
        recursive: true,
        filter: (source) => !source.includes('.terraform'),
      });
      const moved = join(copy, 'modules', 'ecs', 'moved.tf');
      const text = readFileSync(moved, 'utf8');
      const without = text.replace(/moved \{\n {2}from = aws_ecs_service\.worker\n.*\n\}\n/, '');
      expect(without).not.toBe(text);
      writeFileSync(moved, without);
    });

    afterAll(() => {
      if (copy) rmSync(copy, { recursive: true, force: true });
    });

    it('reports the address that would be destroyed', async () => {
      const found = await checkMovedAddresses(copy, released);
      expect(found.map((v) => v.where)).toEqual(['module.ecs.aws_ecs_service.worker']);
    });

    it('reports a moved block that leads nowhere', async () => {
      const moved = join(copy, 'modules', 'ecs', 'moved.tf');
      writeFileSync(
        moved,
        `${readFileSync(moved, 'utf8')}\nmoved {\n  from = aws_ecs_service.worker\n  to   = aws_ecs_service.gone["worker"]\n}\n`,
      );
      const found = await checkMovedAddresses(copy, released);
      expect(found.map((v) => v.where)).toEqual([
        'module.ecs.aws_ecs_service.worker',
        'module.ecs.aws_ecs_service.gone["worker"]',
      ]);
    });
  });
});
