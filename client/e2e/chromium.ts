import { existsSync } from 'node:fs';

/**
 * The system Chromium (Debian's package), since browser downloads are not possible on
 * the machines this runs on; `CHROMIUM_PATH` points elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Flags for headless Chromium in containers and CI: no sandbox, GPU or background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
