import { useState } from 'react';
import { useAction } from './use-action';
import { useRemote } from './use-remote';

/** One page of a list as the API answers it: items, and a cursor while more remain. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

/**
 * A list read a page at a time: the first page as `remote` (loading, error, ready), the pages after
 * it through `loadMore` (加载更多) with the cursor of the last one. Reloading starts again from the
 * first page, so a list changed elsewhere never mixes old and new pages.
 */
export function usePagedList<P extends Page<unknown>>(fetchPage: (cursor?: string) => Promise<P>, deps: readonly unknown[]) {
  const { remote, reload } = useRemote(() => fetchPage(), deps);
  const first = remote.status === 'ready' ? remote.data : undefined;
  // Pages after the first, kept with the first page they followed: a reload drops them.
  const [more, setMore] = useState<{ after?: P; pages: P[] }>({ pages: [] });
  const pages = first && more.after === first ? more.pages : [];
  const last = pages[pages.length - 1] ?? first;
  const { busy, error, run } = useAction();
  const loadMore = () =>
    run(async () => {
      if (!first || !last?.cursor) return;
      const next = await fetchPage(last.cursor);
      setMore({ after: first, pages: [...pages, next] });
    });
  return {
    remote,
    reload,
    items: (first ? [first, ...pages].flatMap((p) => p.items) : []) as P['items'],
    hasMore: Boolean(last?.cursor),
    /** At least one page after the first was read (then 没有更多了 says the list has ended). */
    pagedOn: pages.length > 0,
    loadMore,
    loadingMore: busy,
    loadMoreError: error,
  };
}
