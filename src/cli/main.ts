#!/usr/bin/env node
import { runCli } from './runCli.js';

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
