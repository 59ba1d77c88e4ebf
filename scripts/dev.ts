import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * `npm run dev`: the API server (restarting on change, port 8080) and Vite (live reload,
 * port 5173, proxying /api to the server) side by side, each line prefixed with its
 * source. Ctrl-C stops both; if either stops, the other is stopped too.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, PORT: process.env.PORT ?? '8080' };
const useColour = process.stdout.isTTY;

interface Task {
  label: string;
  colour: number;
  args: string[];
}

// Started through node itself (not npx or .cmd shims) so it behaves the same on every OS.
const tasks: Task[] = [
  { label: 'server', colour: 36, args: [join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'server/main.ts'] },
  { label: 'client', colour: 35, args: [join(root, 'node_modules/vite/bin/vite.js'), '--port', '5173', '--strictPort'] },
];

const children = tasks.map(start);
let stopping = false;

function start(task: Task): ChildProcess {
  // Own process group (POSIX): Ctrl-C reaches only this script, which stops each child once,
  // so the server shuts down gracefully instead of seeing the signal twice.
  const child = spawn(process.execPath, task.args, {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  });
  const prefix = useColour ? `\x1b[${task.colour}m[${task.label}]\x1b[0m ` : `[${task.label}] `;
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${prefix}${line}\n`));
  }
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stdout.write(`${prefix}stopped (${signal ?? `exit code ${code}`}), stopping the rest\n`);
      stopAll(code ?? 1);
    } else if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
      process.exit(process.exitCode ?? 0);
    }
  });
  return child;
}

function stopAll(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (running.length === 0) process.exit(exitCode);
  for (const child of running) child.kill('SIGTERM');
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
// Last resort if this script dies on an error: leave no orphaned server or Vite behind.
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});
