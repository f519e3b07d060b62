import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

export type Props = {
  /** How many rows the list has (30,000 is fine: only those in view are rendered). */
  count: number;
  /** Height of a closed row, in pixels (rows are laid out by it). */
  rowHeight: number;
  /** The one row shown open (its height is measured), or -1. */
  openIndex: number;
  /** The rows from..to (exclusive) are in view (plus a margin): the parent reads their data. */
  onRange: (from: number, to: number) => void;
  /** Renders row i (an <li>); rows whose data is not read yet may render a placeholder. */
  renderRow: (i: number) => ComponentChildren;
  /** The list's accessible name. */
  label: string;
  /** Scroll to the top when this changes (a new search or view). */
  resetKey: string;
};

/** Rows rendered beyond the visible ones, above and below, so a fast scroll shows no gap. */
const OVERSCAN = 6;

/**
 * A list that renders only the rows in view, so the queue stays smooth with 30,000 cases. Every
 * row has the same height except the one open row, whose height is measured.
 */
export function VirtualList({ count, rowHeight, openIndex, onRange, renderRow, label, resetKey }: Props) {
  const box = useRef<HTMLUListElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  const [openHeight, setOpenHeight] = useState(rowHeight);
  const extra = openIndex >= 0 && openIndex < count ? Math.max(0, openHeight - rowHeight) : 0;
  const offset = (i: number) => i * rowHeight + (openIndex >= 0 && i > openIndex ? extra : 0);
  const indexAt = (y: number) => {
    if (openIndex < 0 || y < openIndex * rowHeight) return Math.floor(y / rowHeight);
    if (y < openIndex * rowHeight + rowHeight + extra) return openIndex;
    return Math.floor((y - extra) / rowHeight);
  };
  const first = Math.max(0, Math.min(count, indexAt(scrollTop)) - OVERSCAN);
  const last = Math.min(count, indexAt(scrollTop + viewport) + 1 + OVERSCAN);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const resize = new ResizeObserver(() => setViewport(el.clientHeight));
    resize.observe(el);
    setViewport(el.clientHeight);
    return () => resize.disconnect();
  }, []);
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);
  useEffect(() => onRange(first, last), [first, last]);

  // The open row's height, kept up to date as its detail loads or grows.
  useLayoutEffect(() => {
    const li = box.current?.querySelector<HTMLElement>('li[data-open="true"]');
    if (!li) return setOpenHeight(rowHeight);
    const measure = new ResizeObserver(() => setOpenHeight(li.offsetHeight));
    measure.observe(li);
    setOpenHeight(li.offsetHeight);
    return () => measure.disconnect();
  }, [openIndex, first <= openIndex && openIndex < last]);

  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));
  // Spacers stand in for the rows not rendered (padding would not do: a scroll box is never
  // shorter than its own padding).
  const above = offset(first);
  const below = Math.max(0, offset(count) - offset(last));
  return (
    <ul
      ref={box}
      class="queue"
      aria-label={label}
      data-testid="queue"
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {above > 0 && <li class="spacer" aria-hidden="true" style={{ height: `${above}px` }} />}
      {rows}
      {below > 0 && <li class="spacer" aria-hidden="true" style={{ height: `${below}px` }} />}
    </ul>
  );
}
