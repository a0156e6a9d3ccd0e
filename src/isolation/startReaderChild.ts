import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// From the TypeScript sources (tests, tsx) the child compiles our modules with tsx; from dist it is plain JS.
const RUNNING_FROM_SOURCE = import.meta.url.endsWith('.ts');
const CHILD_ENTRY = fileURLToPath(new URL(`./readerChild.${RUNNING_FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
// The package: src/ or dist/ and node_modules/ below it. From dist the child may read nothing else.
const PACKAGE_ROOT = path.resolve(path.dirname(CHILD_ENTRY), '../..');
// Node 20 names the permission model --experimental-permission; Node 22.13 and later, --permission.
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission') ? '--permission' : '--experimental-permission';
// What a reader may take from the service's environment: nothing secret (API keys, the callback secret), only what shapes memory and time.
const PASSED_ENV = ['MALLOC_ARENA_MAX', 'TZ', 'NODE_ENV'];

export interface ReaderChildOptions {
  /** The V8 heap cap (READER_MEMORY_MB). Memory outside the heap is watched by the pool, from the child's RSS. */
  memoryMb: number;
}

/**
 * How a reader child is started: the Node running this process, with
 * - a heap cap (--max-old-space-size): a parser that fills it ends this child, not the service;
 * - the permission model: no file may be written (no --allow-fs-write), no process started, and
 *   from dist only the package may be read. Native addons (sharp, the canvas pdf.js renders with)
 *   and worker threads (the HEIC decoder) are allowed: the model cannot see inside native code,
 *   which is why the uploads' bytes reach these libraries only here;
 * - no stdin, stdout or stderr: a parser's warnings may quote the document, so they go nowhere;
 * - an environment of its own, without the service's secrets;
 * - IPC with the structured clone ('advanced'), so uploads and prepared pages cross as bytes, not JSON.
 * From the sources, tsx compiles the child's modules: without its cache (which would be written to
 * the temp folder), and with reads anywhere and its compiler process allowed.
 */
export function readerChildCommand(options: ReaderChildOptions): { entry: string; execArgv: string[]; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PASSED_ENV) if (process.env[name] !== undefined) env[name] = process.env[name];
  const execArgv = [`--max-old-space-size=${options.memoryMb}`, PERMISSION_FLAG, '--allow-addons', '--allow-worker', '--no-warnings'];
  if (RUNNING_FROM_SOURCE) {
    env.TSX_DISABLE_CACHE = '1';
    // tsx's loader by its path: the child's working folder need not be the package's.
    execArgv.push('--allow-fs-read=*', '--allow-child-process', '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href);
  } else {
    execArgv.push(`--allow-fs-read=${PACKAGE_ROOT}`);
  }
  return { entry: CHILD_ENTRY, execArgv, env };
}

/** Starts one reader child; it says { ready: true } once its parsers are loaded. */
export function startReaderChild(options: ReaderChildOptions): ChildProcess {
  const { entry, execArgv, env } = readerChildCommand(options);
  return fork(entry, [], { execArgv, env, serialization: 'advanced', stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
}
