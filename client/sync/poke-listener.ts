/**
 * Listens to the server's poke stream (Server-Sent Events). A poke carries no data, only
 * "pull now". Each (re)connect calls `onOpen`: the server is reachable again, so changes
 * made meanwhile go out and missed pokes are made up for, without waiting for a retry timer.
 */
export function listenForPokes(onPoke: () => void, onOpen: () => void = onPoke, url = '/api/replicache/poke'): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const connect = () => {
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('poke', onPoke);
    source.addEventListener('open', onOpen);
    source.addEventListener('error', () => {
      // The browser retries a dropped stream itself; a refused one (e.g. 401) is closed for good.
      if (source?.readyState === EventSource.CLOSED && !closed) {
        retry = setTimeout(connect, 5000);
      }
    });
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(retry);
    source?.close();
  };
}
