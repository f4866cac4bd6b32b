import { act, renderHook, waitFor } from '@testing-library/react';
import { usePagedList } from './use-paged-list';

type P = { items: string[]; cursor?: string };

/** A list of 25 in pages of 10, as the API answers: a cursor while more remain. */
function api(letters: string[]) {
  return jest.fn(async (cursor?: string): Promise<P> => {
    const from = cursor ? Number(cursor) : 0;
    const items = letters.slice(from, from + 10);
    return from + 10 < letters.length ? { items, cursor: String(from + 10) } : { items };
  });
}

const letters = Array.from({ length: 25 }, (_, i) => `m${i}`);

describe('usePagedList (加载更多)', () => {
  it('reads the first page, then each next page with the cursor of the last, until there is none', async () => {
    const fetchPage = api(letters);
    const { result } = renderHook(() => usePagedList(fetchPage, []));
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    expect(result.current).toMatchObject({ hasMore: true, pagedOn: false });
    await act(() => result.current.loadMore());
    expect(result.current.items).toEqual(letters.slice(0, 20));
    await act(() => result.current.loadMore());
    expect(result.current.items).toEqual(letters);
    expect(result.current).toMatchObject({ hasMore: false, pagedOn: true });
    expect(fetchPage.mock.calls.map(([cursor]) => cursor)).toEqual([undefined, '10', '20']);
  });

  it('starts again from the first page on reload, so old and new pages never mix', async () => {
    const fetchPage = api(letters);
    const { result } = renderHook(() => usePagedList(fetchPage, []));
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(20);
    await act(() => result.current.reload());
    expect(result.current.items).toEqual(letters.slice(0, 10));
    expect(result.current.pagedOn).toBe(false);
  });

  it('keeps what was read and says why when a later page fails', async () => {
    const fetchPage = api(letters);
    const { result } = renderHook(() => usePagedList(fetchPage, []));
    await waitFor(() => expect(result.current.items).toHaveLength(10));
    fetchPage.mockRejectedValueOnce(new Error('网络异常，请稍后重试'));
    await act(() => result.current.loadMore());
    expect(result.current.items).toHaveLength(10);
    expect(result.current.loadMoreError).toBe('网络异常，请稍后重试');
    expect(result.current.hasMore).toBe(true);
  });
});
