import { useCallback, useState } from 'react';
import { ErrorBox } from '../components/status';
import { Link } from '../shell/router';
import { ChooseSeal, type ChosenSeal } from './choose-seal';
import { openPdf, type PdfPage } from './pdf-document';
import { OfdViewError } from '@seal/shared/ofd-view';
import { formatOf, openOfd, type OfdPage } from './ofd-document';
import { PageView, type PlacedSeal } from './page-view';
import { sealSizePt, type PdfPlacement } from './placement';
import { ConfirmSigning } from './confirm-signing';
import { UkeySigning } from './ukey-signing';
import type { SigningRequest } from './sign-flow';
import { usePaletteDrag } from './palette-drag';

/** The opened file: a PDF (pages drawn by pdf.js) or an OFD (pages drawn as SVG). */
interface OpenedPdf {
  file: File;
  bytes: ArrayBuffer;
  format: 'pdf' | 'ofd';
  pages: (PdfPage | OfdPage)[];
}

const signingRequest = (pdf: OpenedPdf, seal: ChosenSeal, placements: PdfPlacement[], crossPage: boolean): SigningRequest => ({
  file: pdf.file,
  bytes: pdf.bytes,
  pageCount: pdf.pages.length,
  companyId: seal.companyId,
  sealId: seal.sealId,
  placements,
  crossPage,
});

const ZOOMS = [0.75, 1, 1.25, 1.5];
let nextId = 1;

/**
 * 在线签章: choose company, seal and method; open a PDF; drag seals onto it; confirm on the phone,
 * or sign with the UKey when the seal is bound to one (a bound seal signs only with its UKey: decision 0121).
 */
export function SigningPage() {
  const [seal, setSeal] = useState<ChosenSeal>();
  const [method, setMethod] = useState<'normal' | 'cross_page'>('normal');
  const [pdf, setPdf] = useState<OpenedPdf>();
  const [zoom, setZoom] = useState(1);
  const [placed, setPlaced] = useState<PlacedSeal[]>([]);
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const drag = usePaletteDrag();

  const open = async (file?: File) => {
    if (!file) return;
    setError(undefined);
    setPlaced([]);
    try {
      const bytes = await file.arrayBuffer();
      if (formatOf(bytes) === 'ofd') {
        setPdf({ file, bytes, format: 'ofd', pages: openOfd(bytes).pages });
        return;
      }
      const doc = await openPdf(bytes);
      const pages = await Promise.all(Array.from({ length: doc.numPages }, (_, i) => doc.getPage(i + 1)));
      setPdf({ file, bytes, format: 'pdf', pages });
    } catch (e) {
      setError(e instanceof OfdViewError && e.code === 'OFD_TOO_LARGE' ? 'OFD 文件过大或内容过多，无法打开' : '无法打开该文件，请选择有效的 PDF 或 OFD 文件');
    }
  };

  const size = sealSizePt(seal?.kind ?? '');
  const place = useCallback((p: PdfPlacement) => setPlaced((all) => [...all, { ...p, id: `p${nextId++}` }]), []);
  const addToFirstPage = () => {
    const page = pdf?.pages[0];
    if (!page) return;
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    place({ page: 1, x: (x0 + x1) / 2 - size.width / 2, y: (y0 + y1) / 2 - size.height / 2, ...size });
  };
  const crossPage = method === 'cross_page';
  const viaUkey = seal?.medium === 'ukey';
  // An OFD is sealed with GB/T 38540 seal signatures, which are SM2: a P-256 seal is refused by the API too.
  const ofdNeedsSm2 = pdf?.format === 'ofd' && seal?.sealId !== undefined && seal.algorithm !== 'sm2-sm3';
  const ready = Boolean(seal?.sealId && pdf && (placed.length > 0 || crossPage) && !ofdNeedsSm2);

  return (
    <div className="signing">
      <h2>在线签章</h2>
      <p className="muted">
        多份文件？<Link to="/sign-batch">批量签章</Link>（最多1000份，手机扫码确认一次）
      </p>
      <div className="card signing-setup">
        <ChooseSeal value={seal} onChange={setSeal} />
        <label>
          签章方式
          <select data-testid="sign-method" value={method} onChange={(e) => setMethod(e.target.value as 'normal' | 'cross_page')}>
            <option value="normal">普通签章（可多处盖章）</option>
            <option value="cross_page">骑缝章（可同时普通盖章）</option>
          </select>
        </label>
        {seal?.sealId && (
          <label>
            签章介质
            <select data-testid="sign-medium" value={viaUkey ? 'ukey' : 'phone'} onChange={() => undefined}>
              <option value="phone" disabled={viaUkey}>
                手机扫码确认（签章密码）
              </option>
              <option value="ukey" disabled={!viaUkey}>
                UKey签章（插入绑定的UKey）
              </option>
            </select>
            <span className="muted">{viaUkey ? '该印章已绑定UKey，只能使用UKey签章' : '该印章未绑定UKey，签章时用手机扫码确认'}</span>
            {viaUkey && <Link to="/ukey-batch">多份文件？使用UKey批量签章</Link>}
          </label>
        )}
        <label>
          打开文件
          <input type="file" accept="application/pdf,.pdf,application/ofd,.ofd" data-testid="sign-file" onChange={(e) => open(e.target.files?.[0])} />
          <span className="muted">支持 PDF 和 OFD 文件；OFD 文件须使用国密（SM2）印章</span>
        </label>
      </div>
      <ErrorBox error={error ?? (ofdNeedsSm2 ? 'OFD文件须使用国密（SM2）印章签章，请选择签名算法为SM2的印章' : undefined)} />
      {pdf && seal?.sealId && (
        <div className="signing-workspace">
          <aside className="palette">
            <p>将印章拖拽至文件的签章位置：</p>
            <div className="palette-seal" data-testid="palette-seal" onPointerDown={drag.start}>
              {seal.name}
            </div>
            <button className="button small" data-testid="add-seal" onClick={addToFirstPage}>
              在第 1 页添加
            </button>
            <p className="muted">
              已放置 {placed.length} 处{crossPage ? '，另加骑缝章' : ''}；{pdf.format === 'ofd' ? 'OFD 文件，' : ''}共 {pdf.pages.length} 页
            </p>
            <label>
              缩放
              <select value={zoom} onChange={(e) => setZoom(Number(e.target.value))} data-testid="zoom">
                {ZOOMS.map((z) => (
                  <option key={z} value={z}>
                    {Math.round(z * 100)}%
                  </option>
                ))}
              </select>
            </label>
            <button className="button primary large" data-testid="sign-button" disabled={!ready} onClick={() => setConfirming(true)}>
              签章
            </button>
          </aside>
          {/* Focusable, so the pages scroll from the keyboard even before any seal (a focusable button) is placed. */}
          <div className="pages" tabIndex={0} role="region" aria-label="文件页面">
            {pdf.pages.map((page, i) => (
              <PageView
                key={i}
                page={page}
                pageNumber={i + 1}
                zoom={zoom}
                seals={placed.filter((p) => p.page === i + 1)}
                sealLabel={seal.name}
                sealSize={size}
                crossPage={crossPage}
                pageCount={pdf.pages.length}
                onPlace={place}
                onMove={(id, p) => setPlaced((all) => all.map((s) => (s.id === id ? { ...s, ...p } : s)))}
                onRemove={(id) => setPlaced((all) => all.filter((s) => s.id !== id))}
              />
            ))}
          </div>
        </div>
      )}
      {drag.ghost && seal && (
        <div
          className="palette-seal ghost"
          style={{ left: drag.ghost.x, top: drag.ghost.y, width: size.width * zoom, height: size.height * zoom }}
        >
          {seal.name}
        </div>
      )}
      {confirming && pdf && seal && viaUkey && (
        <UkeySigning request={signingRequest(pdf, seal, placed, crossPage)} sealName={seal.name} onClose={() => setConfirming(false)} />
      )}
      {confirming && pdf && seal && !viaUkey && (
        <ConfirmSigning request={signingRequest(pdf, seal, placed, crossPage)} sealName={seal.name} onClose={() => setConfirming(false)} />
      )}
    </div>
  );
}
