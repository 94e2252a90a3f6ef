import { createContext, useContext } from 'react';

/** Where a page may put things into the app's top bar (null in the portal layout). */
export interface TopBarSlots {
  back: HTMLElement | null;
  title: HTMLElement | null;
  action: HTMLElement | null;
}

export interface ShellValue {
  isWide: boolean;
  topBar: TopBarSlots | null;
}

export const ShellContext = createContext<ShellValue>({ isWide: false, topBar: null });

/** The layout the page is rendered in. */
export function useShell(): ShellValue {
  return useContext(ShellContext);
}
