import { loadSettings, SettingsError } from '../config/settings.js';
import { buildApp } from './app.js';

/** Starts the service: settings from the environment, then listen, then shut down cleanly on a signal. */
async function main() {
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const app = await buildApp({ settings });
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing in-flight checks');
      // close() stops accepting, waits for in-flight requests, then runs onClose (workers end).
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port: settings.PORT, host: settings.HOST });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
