#!/usr/bin/env node
import { runCli } from './runCli.js';

// `offercheck letters/ | head` closes the pipe early: stop quietly, as other commands do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
});

// exitCode, not exit(): stdout is flushed before the process ends, even when piped.
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`offercheck: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
