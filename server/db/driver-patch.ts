import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Markers `patches/postgres+3.4.9.patch` leaves in postgres.js's connection code, one per
 * fix, so an install carrying an older version of the patch is caught too.
 */
const PATCH_MARKERS = [
  'Trunkline patch (porsager/postgres#1154, #1208)',
  'Trunkline patch: whatever was sent on the lost socket',
];

/**
 * True when the postgres.js this process loads carries our install-time fix: unpatched,
 * a database restart or failover during a write exits the whole server (see
 * patches/README.md). npm skips the postinstall that applies it when scripts are
 * disabled (`--ignore-scripts`, some container builds), so the server checks at start.
 */
export function driverIsPatched(): boolean {
  const connection = new URL('./connection.js', import.meta.resolve('postgres'));
  const source = readFileSync(fileURLToPath(connection), 'utf8');
  return PATCH_MARKERS.every((marker) => source.includes(marker));
}

/** Refuses to run on an unpatched driver, saying how to fix it. */
export function assertDriverPatched(): void {
  if (!driverIsPatched()) {
    throw new Error('postgres.js is not patched (its fix for lost connections is missing): run "npx patch-package" in the app folder, or install without --ignore-scripts.');
  }
}
