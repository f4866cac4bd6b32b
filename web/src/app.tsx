import { Suspense, lazy } from 'react';
import { DOCUMENT_PATHS, DocumentPage } from './about/document-page';
import { AppCentrePage } from './apps/app-centre-page';
import { AuditPage } from './audit/audit-page';
import { LoginPage } from './login/login-page';
import { SealsPage } from './seals/seals-page';
import { HomePage } from './shell/home-page';
import { Layout, RequireLogin } from './shell/layout';
import { MeProvider } from './shell/me-context';
import { usePath } from './shell/router';
import { StaffPage } from './staff/staff-page';
import { VerifyPage } from './verify/verify-page';
import { BusinessPage } from './window/business-page';

// pdf.js is large: only the signing page loads it.
const SigningPage = lazy(() => import('./signing/signing-page').then((m) => ({ default: m.SigningPage })));
const BatchSigningPage = lazy(() => import('./signing/batch-signing-page').then((m) => ({ default: m.BatchSigningPage })));
const UkeyBatchPage = lazy(() => import('./signing/ukey-batch-page').then((m) => ({ default: m.UkeyBatchPage })));

function Page({ path }: { path: string }) {
  if (path.startsWith('/login')) return <LoginPage />;
  if (path.startsWith('/verify')) return <VerifyPage />;
  if (path.startsWith('/staff')) return <StaffPage />;
  if (DOCUMENT_PATHS.includes(path)) return <DocumentPage path={path} />;
  const needsLogin: Record<string, () => JSX.Element> = {
    '/seals': () => <SealsPage />,
    '/sign-batch': () => (
      <Suspense fallback={<p className="muted">加载中…</p>}>
        <BatchSigningPage />
      </Suspense>
    ),
    '/sign': () => (
      <Suspense fallback={<p className="muted">加载中…</p>}>
        <SigningPage />
      </Suspense>
    ),
    '/ukey-batch': () => (
      <Suspense fallback={<p className="muted">加载中…</p>}>
        <UkeyBatchPage />
      </Suspense>
    ),
    '/business': () => <BusinessPage />,
    '/apps': () => <AppCentrePage />,
    '/audit': () => <AuditPage />,
  };
  const match = Object.keys(needsLogin).find((p) => path.startsWith(p));
  if (match) return <RequireLogin>{needsLogin[match]!()}</RequireLogin>;
  return <HomePage />;
}

export function App() {
  const path = usePath();
  return (
    <MeProvider>
      <Layout path={path}>
        <Page path={path} />
      </Layout>
    </MeProvider>
  );
}
