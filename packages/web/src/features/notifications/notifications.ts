/** A tiny signal between the notifications page and the header bell (count changed). */
const EVENT = 'sb:notifications-changed';

export function notifyCountChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onCountChanged(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  return () => window.removeEventListener(EVENT, fn);
}
