import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { REJECTION_PREFIX } from '../../shared/keys.js';
import type { Rejection } from '../../shared/rejection.js';
import { useSync } from './sync-context.js';

/**
 * Changes the server refused, newest first. Each one that arrives while the app is open
 * also raises a notification, so an offline edit refused later is not missed.
 */
export function useRejections(): Rejection[] {
  const { rep } = useSync();
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const known = useRef<Set<string> | null>(null);

  useEffect(
    () =>
      rep.subscribe(
        async (tx) => (await tx.scan({ prefix: REJECTION_PREFIX }).values().toArray()) as unknown as Rejection[],
        (list) => {
          const sorted = [...list].sort((a, b) => b.at.localeCompare(a.at));
          if (known.current) {
            for (const r of sorted) {
              if (!known.current.has(r.id)) {
                notifications.show({ color: 'red', title: `Not saved: ${r.summary}`, message: r.message, autoClose: 12_000 });
              }
            }
          }
          known.current = new Set(sorted.map((r) => r.id));
          setRejections(sorted);
        },
      ),
    [rep],
  );
  return rejections;
}
