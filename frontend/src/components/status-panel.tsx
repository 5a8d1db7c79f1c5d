import type { ReactNode } from 'react';

/** A centred message for empty, offline, error and "not found" states. */
export function StatusPanel({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <div className="flex flex-col items-center justify-center gap-3 px-6 py-16 text-center">
      {icon && <div className="text-zinc-400">{icon}</div>}
      <h2 className="text-lg font-semibold text-zinc-100">{title}</h2>
      {children && <div className="max-w-md text-sm text-zinc-400">{children}</div>}
    </div>
  );
}
