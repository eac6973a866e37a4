import { useEffect, useRef } from 'react';

/**
 * The desk's shortcuts: Alt with a letter browsers and screen readers leave alone (Alt+D, Alt+E
 * and Alt+F belong to the browser; screen readers use Insert or Caps Lock). Matched by the key's
 * position (`KeyA`), so macOS's Option, which types a letter of its own, works the same.
 */
export const DESK_SHORTCUTS = {
  KeyN: 'new contact',
  KeyA: 'answered',
  KeyT: 'open a ticket',
  KeyX: 'transfer',
  KeyQ: 'end the contact',
  KeyS: 'search',
  KeyL: 'look up the resident',
} as const;
export type DeskShortcut = (typeof DESK_SHORTCUTS)[keyof typeof DESK_SHORTCUTS];

/** Calls `handler` for each desk shortcut pressed anywhere on the page; the latest handler is used. */
export function useDeskShortcuts(handler: (shortcut: DeskShortcut) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const shortcut = DESK_SHORTCUTS[event.code as keyof typeof DESK_SHORTCUTS];
      if (!shortcut) return;
      event.preventDefault();
      latest.current(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** A shortcut as shown on a button. */
export function Shortcut({ keys }: { keys: string }) {
  return <kbd className="shortcut">{keys}</kbd>;
}
