import { Badge, Group } from '@mantine/core';
import { memo } from 'react';
import { LazyTooltip } from './LazyTooltip.js';

const SHOWN = 3;

/** Tags as small badges; past three, a "+N" badge lists the rest on hover. Memoised: rows keep their tag lists across edits. */
export const TagBadges = memo(function TagBadges({ tags }: { tags: readonly string[] }) {
  const rest = tags.slice(SHOWN);
  return (
    <Group gap={4} wrap="nowrap">
      {tags.slice(0, SHOWN).map((t) => (
        <Badge key={t} size="xs" variant="outline" color="gray" tt="none" miw="max-content">
          {t}
        </Badge>
      ))}
      {rest.length > 0 && (
        <LazyTooltip label={rest.join(', ')} withArrow>
          <Badge size="xs" variant="light" color="gray" tt="none" miw="max-content" aria-label={`${rest.length} more tags: ${rest.join(', ')}`}>
            +{rest.length}
          </Badge>
        </LazyTooltip>
      )}
    </Group>
  );
});
