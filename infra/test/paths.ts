import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '../..');
export const infraRoot = join(repoRoot, 'infra');
export const terraformRoot = join(infraRoot, 'terraform');
export const fixtures = join(infraRoot, 'test', 'fixtures');
export const environments = ['dev', 'prod'] as const;
/** An environment's committed values and the example of its account's values. */
export const environmentVarFiles = (env: string) => [
  join(terraformRoot, 'environments', `${env}.tfvars`),
  join(terraformRoot, 'environments', `${env}.account.tfvars.example`),
];
