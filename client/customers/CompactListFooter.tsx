import { Checkbox, Pagination, Text } from '@mantine/core';
import classes from './CompactCustomerList.module.css';

export interface CompactListFooterProps {
  page: number;
  onPageChange: (page: number) => void;
  pageSize: number;
  /** Rows on this page, and in the whole view. */
  shown: number;
  total: number;
  /** Undefined hides the page's checkbox (viewers). */
  pageSelection?: { all: boolean; some: boolean; onChange: (select: boolean) => void };
}

const CONTROL_LABELS: Record<string, string> = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };
const controlProps = (control: string) => ({ 'aria-label': CONTROL_LABELS[control] });

/** Under the phone's list: select this page, which rows these are, and first/previous/next/last page. */
export function CompactListFooter({ page, onPageChange, pageSize, shown, total, pageSelection }: CompactListFooterProps) {
  const from = (page - 1) * pageSize + 1;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <div className={classes.footer}>
      <div className={classes.range}>
        {pageSelection && (
          <label className={classes.check}>
            <Checkbox
              aria-label="Select all customers on this page"
              checked={pageSelection.all}
              indeterminate={pageSelection.some && !pageSelection.all}
              onChange={() => pageSelection.onChange(!pageSelection.all)}
            />
          </label>
        )}
        <Text size="sm" c="dimmed">
          {shown === 0 ? '0' : `${from.toLocaleString('en')}–${(from + shown - 1).toLocaleString('en')}`} of {total.toLocaleString('en')}
        </Text>
      </div>
      <Pagination total={pages} value={page} onChange={onPageChange} withPages={false} withEdges size="lg" gap={4} getControlProps={controlProps} />
    </div>
  );
}
