import { useLocalStorage } from '@mantine/hooks';

export const PAGE_SIZES = [50, 100, 250, 500];
const DEFAULT_PAGE_SIZE = 100;

/** The grid's page size, remembered on this device. */
export function usePageSize(): [number, (size: number) => void] {
  const [stored, setStored] = useLocalStorage<number>({
    key: 'trunkline.customers.pageSize',
    defaultValue: DEFAULT_PAGE_SIZE,
    getInitialValueInEffect: false,
  });
  return [PAGE_SIZES.includes(stored) ? stored : DEFAULT_PAGE_SIZE, setStored];
}
