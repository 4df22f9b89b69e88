import { Grid } from 'antd';

/**
 * True below antd's `md` breakpoint (768 px): phones. Until the breakpoints are known (the first
 * render) it answers false, so a desktop never flashes the phone layout.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
