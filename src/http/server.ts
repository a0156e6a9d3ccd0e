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
    process.on(signal, () => {
      if (closing) {
        // A second signal: the operator does not want to wait.
        app.log.warn({ signal }, 'second signal: exiting without waiting for in-flight checks');
        process.exit(1);
      }
      closing = true;
      app.log.info({ signal }, 'shutting down: finishing in-flight checks and accepted batches');
      // A check stuck past every deadline must not keep the process from ever exiting.
      setTimeout(() => {
        app.log.error({ timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out: exiting with checks still running');
        process.exit(1);
      }, settings.SHUTDOWN_TIMEOUT_MS).unref();
      // close() stops accepting (requests on kept-alive connections get 503), waits for in-flight
      // requests, then runs onClose: the batches already accepted are checked and their callbacks
      // sent, then the checker lets its checks finish and ends the reader and OCR workers.
      app.close().then(
        () => {
          app.log.info('shut down');
          process.exit(0);
        },
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
