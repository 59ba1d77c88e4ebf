import { useLocalStorage } from '@mantine/hooks';

export const PAGE_SIZES = [50, 100, 250, 500];
// 50 rows: each rendered row costs about 2 ms on a keystroke (see BENCHMARKS.md); staff can pick more.
const DEFAULT_PAGE_SIZE = 50;

/** The grid's page size, remembered on this device. */
export function usePageSize(): [number, (size: number) => void] {
  const [stored, setStored] = useLocalStorage<number>({
    key: 'trunkline.customers.pageSize',
    defaultValue: DEFAULT_PAGE_SIZE,
    getInitialValueInEffect: false,
  });
  return [PAGE_SIZES.includes(stored) ? stored : DEFAULT_PAGE_SIZE, setStored];
}
