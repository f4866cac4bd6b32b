// Stand-ins for the NutUI components re-exported by src/components/nutui.ts.
import type { PropsWithChildren, ReactNode } from 'react';

export function Button({
  children,
  onClick,
  disabled,
}: PropsWithChildren<{ onClick?: () => void; disabled?: boolean; [key: string]: unknown }>) {
  return (
    <button type="button" disabled={disabled} onClick={onClick}>
      {children}
    </button>
  );
}

export function Cell({ title, extra, onClick }: { title?: ReactNode; extra?: ReactNode; onClick?: () => void }) {
  return (
    <div role="listitem" onClick={onClick}>
      <span>{title}</span>
      <span>{extra}</span>
    </div>
  );
}

export function CellGroup({ children }: PropsWithChildren) {
  return <div role="list">{children}</div>;
}

export function Tag({ children }: PropsWithChildren<{ type?: string }>) {
  return <span>{children}</span>;
}
