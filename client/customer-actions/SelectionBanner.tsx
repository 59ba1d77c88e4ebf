import { Alert, Anchor, Text } from '@mantine/core';

export interface SelectionBannerProps {
  pageSize: number;
  matching: number;
  pageAllSelected: boolean;
  allMatchingSelected: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
}

/** Offers to extend a whole-page selection to every matching customer, or to clear it. */
export function SelectionBanner(p: SelectionBannerProps) {
  if (p.allMatchingSelected && p.matching > p.pageSize) {
    return (
      <Alert variant="light" color="blue" py={6}>
        <Text size="sm" ta="center">
          All {p.matching.toLocaleString('en')} matching are selected.{' '}
          <Anchor component="button" type="button" size="sm" onClick={p.onClear}>
            Clear selection
          </Anchor>
        </Text>
      </Alert>
    );
  }
  if (p.pageAllSelected && p.matching > p.pageSize) {
    return (
      <Alert variant="light" color="blue" py={6}>
        <Text size="sm" ta="center">
          All {p.pageSize.toLocaleString('en')} on this page are selected.{' '}
          <Anchor component="button" type="button" size="sm" onClick={p.onSelectAllMatching}>
            Select all {p.matching.toLocaleString('en')} matching
          </Anchor>
        </Text>
      </Alert>
    );
  }
  return null;
}
