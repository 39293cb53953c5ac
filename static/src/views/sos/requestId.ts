/** One id per user action: a double click or a retried call is then the same request. */
export function newRequestId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ??
    `req-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
  );
}
