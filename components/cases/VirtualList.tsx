import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  items: readonly T[];
  /** Every row has this height in px; that is what makes the window arithmetic exact and cheap. */
  rowHeight: number;
  /** Height of the scrolling viewport in px. */
  height: number;
  /** Rows rendered beyond each edge, so a fast scroll does not flash empty space. */
  overscan?: number;
  keyOf: (item: T) => string;
  renderRow: (item: T, index: number) => ComponentChildren;
  /** Called when the window comes within a couple of screens of the last loaded item. */
  onNearEnd?: () => void;
  class?: string;
  label?: string;
}

export function visibleRange(scrollTop: number, height: number, rowHeight: number, count: number, overscan: number) {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { first, last };
}

/**
 * Renders only the rows in view: the DOM holds a few dozen rows whether there are 20 cases or
 * 50,000, so opening and scrolling stay instant.
 */
export function VirtualList<T>(props: VirtualListProps<T>) {
  const { items, rowHeight, height, overscan = 6, keyOf, renderRow, onNearEnd } = props;
  const [scrollTop, setScrollTop] = useState(0);
  const frame = useRef<number | null>(null);
  const viewport = useRef<HTMLDivElement>(null);

  const onScroll = () => {
    if (frame.current !== null) return;
    // One state update per frame however many scroll events arrive.
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setScrollTop(viewport.current?.scrollTop ?? 0);
    });
  };

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  // A shorter list (new filter) must not leave the viewport scrolled past its end.
  useEffect(() => {
    const maxTop = Math.max(0, items.length * rowHeight - height);
    if (scrollTop > maxTop && viewport.current) {
      viewport.current.scrollTop = maxTop;
      setScrollTop(maxTop);
    }
  }, [items.length, rowHeight, height, scrollTop]);

  const { first, last } = visibleRange(scrollTop, height, rowHeight, items.length, overscan);

  useEffect(() => {
    if (onNearEnd && last + Math.ceil((2 * height) / rowHeight) >= items.length) onNearEnd();
  }, [last, items.length, onNearEnd, height, rowHeight]);

  const rows = [];
  for (let index = first; index < last; index++) {
    const item = items[index];
    rows.push(
      <li key={keyOf(item)} class="vrow" style={{ top: `${index * rowHeight}px`, height: `${rowHeight}px` }}>
        {renderRow(item, index)}
      </li>,
    );
  }

  return (
    <div
      ref={viewport}
      class={`vlist ${props.class ?? ''}`}
      style={{ height: `${height}px` }}
      onScroll={onScroll}
      data-rows-total={items.length}
      aria-label={props.label}
    >
      <ul class="vlist-body" style={{ height: `${items.length * rowHeight}px` }}>
        {rows}
      </ul>
    </div>
  );
}
