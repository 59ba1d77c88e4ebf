import { memo } from 'react';
import { LazyTooltip } from './LazyTooltip.js';
import classes from './grid-cells.module.css';

const SHOWN = 3;

/** Tags as small badges; past three, a "+N" badge lists the rest on hover. Memoised: rows keep their tag lists across edits. */
export const TagBadges = memo(function TagBadges({ tags }: { tags: readonly string[] }) {
  const rest = tags.slice(SHOWN);
  return (
    <div className={classes.tags}>
      {tags.slice(0, SHOWN).map((t) => (
        <span key={t} className={classes.tag}>
          {t}
        </span>
      ))}
      {rest.length > 0 && (
        <LazyTooltip label={rest.join(', ')} withArrow>
          <span className={`${classes.tag} ${classes.more}`} aria-label={`${rest.length} more tags: ${rest.join(', ')}`}>
            +{rest.length}
          </span>
        </LazyTooltip>
      )}
    </div>
  );
});
