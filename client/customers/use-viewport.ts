import { useEffect, useRef, type RefObject } from 'react';

export interface ViewportState {
  /** Scrolled down from the top. */
  scrolled: boolean;
  /** Its height in pixels (the window's until first measured). */
  height: number;
}

/**
 * What the grid needs to know of its scrolling viewport, noted from scroll events and a
 * ResizeObserver, so that asking while the page renders costs no layout (reading scrollTop
 * or clientHeight then would lay the page out early) and no re-render.
 */
export function useViewport(element: RefObject<HTMLElement | null>): RefObject<ViewportState> {
  const state = useRef<ViewportState>({ scrolled: false, height: window.innerHeight });
  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const onScroll = () => {
      state.current.scrolled = el.scrollTop > 0;
    };
    const resize = new ResizeObserver(([entry]) => {
      if (entry) state.current.height = entry.contentRect.height;
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [element]);
  return state;
}
