// The configuration module's public surface: other modules import from here.
export { type AppConfig, DEVELOPMENT_SECRETS } from './app-config';
export { APP_CONFIG, AppConfigModule } from './config.module';
export { loadConfigOrExit } from './load-or-exit';
