import type { ApiError } from '../api/client';

export function Loading() {
  return <p className="muted">加载中…</p>;
}

export function ErrorBox({ error }: { error?: ApiError | Error | string }) {
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {typeof error === 'string' ? error : error.message}
    </p>
  );
}
