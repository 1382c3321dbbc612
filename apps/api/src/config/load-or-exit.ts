import { type AppConfig, ConfigError, type LoadConfigOptions, loadConfig } from './app-config';
import { loadDotEnvFile } from './env-file';

/** Entry points' way in: a bad configuration stops the process with one line. */
export function loadConfigOrExit(options: LoadConfigOptions = {}): AppConfig {
  try {
    loadDotEnvFile();
    return loadConfig(process.env, options);
  } catch (error) {
    const message =
      error instanceof ConfigError
        ? error.message
        : `Invalid configuration: ${(error as Error).message}`;
    process.stderr.write(`${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exit(1);
  }
}
