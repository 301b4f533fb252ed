// `npm run worker` / `node dist/main.js`: one worker, configured from the environment.
import { ConfigError, createLogger } from '@refract/shared';
import { loadWorkerConfig } from './config/worker.config.js';
import { startWorker } from './worker.js';

const bootLogger = createLogger({ name: 'data-plane-worker' });

try {
  const config = loadWorkerConfig();
  const worker = await startWorker(config);
  const stop = (signal: string) => {
    bootLogger.info({ signal }, 'stopping');
    worker.close().then(
      () => process.exit(0),
      (error: unknown) => {
        bootLogger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  if (error instanceof ConfigError) {
    // The message lists every bad variable and never a value.
    process.stderr.write(`${error.message}\n`);
  } else {
    bootLogger.error({ err: error }, 'the worker could not start');
  }
  process.exit(1);
}
