import type { ReactNode } from 'react';

/** A wide table's box: it scrolls sideways on narrow screens and, being a labelled focusable region, by keyboard too. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
