/**
 * The app refreshes its own writes in the background (a targeted refresh, then the analysis). A view
 * that just wrote announces it, so every snapshot bar in the page polls quickly until the new state is
 * there and then reloads its view; nobody has to press Refresh.
 */
const OWN_WRITE = 'metascrum:own-write';

export function announceOwnWrite(): void {
  window.dispatchEvent(new Event(OWN_WRITE));
}

export function onOwnWrite(listener: () => void): () => void {
  window.addEventListener(OWN_WRITE, listener);
  return () => window.removeEventListener(OWN_WRITE, listener);
}
