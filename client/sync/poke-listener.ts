/**
 * Listens to the server's poke stream (Server-Sent Events). A poke carries no data, only
 * "pull now". After a reconnect we pull too, in case pokes were missed while away.
 */
export function listenForPokes(onPoke: () => void, url = '/api/replicache/poke'): () => void {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const connect = () => {
    source = new EventSource(url, { withCredentials: true });
    source.addEventListener('poke', onPoke);
    source.addEventListener('open', onPoke);
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
