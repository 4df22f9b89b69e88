import type { HTMLAttributes } from 'react';

/** Props for antd `onRow`, which has no slot for data-* attributes in its type. */
export const rowTestId = (id: string) => ({ 'data-testid': id }) as HTMLAttributes<HTMLElement>;
