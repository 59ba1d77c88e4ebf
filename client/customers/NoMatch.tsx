import { Button, EmptyState } from '@mantine/core';
import { IconFilterOff, IconTrash } from '@tabler/icons-react';
import type { CustomerView, StatusFilter } from '../customer-index/customer-query.js';

/**
 * Shown inside the grid when the view is empty. The grid's overlay ignores pointer
 * events, so the panel turns them back on for its button.
 */
export function NoMatch({
  view,
  status,
  filtered,
  onClear,
}: {
  view: CustomerView;
  status: StatusFilter;
  filtered: boolean;
  onClear: () => void;
}) {
  if (view === 'trash' && !filtered) {
    return <EmptyState icon={<IconTrash size={28} />} title="The trash is empty" description="Deleted customers wait here until restored." />;
  }
  const description =
    status === 'dialling'
      ? 'Nobody is dialling: live channel counts arrive with call metrics, so until the switch reports calls this filter stays empty.'
      : 'Nothing matches the search and filters.';
  return (
    <EmptyState
      icon={<IconFilterOff size={28} />}
      title={status === 'dialling' ? 'No customer is dialling' : 'No customers match'}
      description={description}
      style={{ pointerEvents: 'auto' }}
    >
      <EmptyState.Actions>
        <Button variant="default" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}
