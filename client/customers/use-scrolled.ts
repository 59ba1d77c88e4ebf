import { useEffect, useRef, type RefObject } from 'react';

/**
 * Whether the element is scrolled down, noted from its scroll events, so asking costs no
 * layout (reading scrollTop while the page is being rendered would lay it out early).
 */
export function useScrolled(element: RefObject<HTMLElement | null>): RefObject<boolean> {
  const scrolled = useRef(false);
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const onScroll = () => {
      scrolled.current = el.scrollTop > 0;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [element]);
  return scrolled;
}
