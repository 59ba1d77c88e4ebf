import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import type { Browser } from '@playwright/test';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  node: string;
  chromium: string;
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'));
    if (pretty?.[1]) return `${pretty[1]}, kernel ${release()}`;
  } catch {
    // Not Linux: the kernel release is all there is.
  }
  return `${process.platform} ${release()}`;
}

/** What the numbers were measured on (`browser` when Chromium took part). */
export function describeMachine(browser?: Browser): Machine {
  const all = cpus();
  return {
    cpu: all[0]?.model.trim() ?? 'unknown',
    cores: all.length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    chromium: browser?.version() ?? 'not used',
  };
}
