import type { ReactNode } from 'react';

/**
 * A wide table's box: it scrolls sideways on a narrow screen, and can take keyboard focus (named,
 * as a region) so that it can be scrolled without a mouse.
 */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
