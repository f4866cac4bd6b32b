import * as routes from '@seal/shared/routes';
import { call } from './client';
import { readSession, saveSession } from './session-store';

const fetchMock = jest.fn();
const session = (token: string) => ({ token, expiresAt: new Date(Date.now() + 3600_000).toISOString(), person: { personId: 'p1', name: '张三', idNumberMasked: 'x' } });
const answer = (status: number, body: unknown) => ({ ok: status < 300, status, text: async () => JSON.stringify(body), blob: async () => new Blob(['%PDF']) });

beforeEach(() => {
  fetchMock.mockReset();
  global.fetch = fetchMock as unknown as typeof fetch;
  sessionStorage.clear();
});

describe("the desktop's API client", () => {
  it('sends the session a route needs: the staff session on staff routes, the person session on the others', async () => {
    saveSession('person', session('person-token'));
    saveSession('staff', session('staff-token'));
    fetchMock.mockResolvedValue(answer(200, { items: [] }));
    await call(routes.listMyApplications);
    await call(routes.staffListApplications, { query: { state: 'submitted' } });
    expect(fetchMock.mock.calls.map(([url, init]) => [url, init.headers.Authorization])).toEqual([
      ['/v1/applications/mine', 'Bearer person-token'],
      ['/v1/staff/applications?state=submitted', 'Bearer staff-token'],
    ]);
  });

  it('refuses a signed-in route without its session before any request', async () => {
    await expect(call(routes.me)).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('forgets a session the API ended', async () => {
    saveSession('person', session('old'));
    fetchMock.mockResolvedValue(answer(401, { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' }));
    await expect(call(routes.me)).rejects.toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });
    expect(readSession('person')).toBeNull();
  });

  it('posts JSON bodies, and reads file answers as Blobs', async () => {
    saveSession('person', session('t'));
    fetchMock.mockResolvedValueOnce(answer(201, { documentId: 'd1' })).mockResolvedValueOnce(answer(200, {}));
    await call(routes.createDocument, { body: { name: '合同.pdf', size: 4 } });
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ method: 'POST', body: JSON.stringify({ name: '合同.pdf', size: 4 }) });
    const pdf = await call(routes.downloadApplicationForm, { params: { applicationId: 'a1' } });
    expect(pdf).toBeInstanceOf(Blob);
  });
});
