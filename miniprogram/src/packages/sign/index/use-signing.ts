import { useCallback, useRef, useState } from 'react';
import { defaultSealPoint, screenToPdf, sealSizePt, type SealMarkPlacement } from '../../../components/SealPlacer';
import { messageOf } from '../../../components/use-action';
import { PlatformError, shareFile } from '../../../platform';
import { newRequestId, signDocument, signedFileName, type SignedDocument } from '../../../services/documents';
import { forgetSession, isSessionLost } from '../../../services/session-store';
import { chooseAndUploadDocument, type OpenedDocument } from './opened-document';
import type { SignableSeal } from './signable-seals';

export type SigningStep = 'choose' | 'place' | 'done';

export interface SigningState {
  step: SigningStep;
  companyId?: string;
  seal?: SignableSeal;
  document?: OpenedDocument;
  placements: SealMarkPlacement[];
  crossPage: boolean;
  page: number;
  zoom: number;
  pinOpen: boolean;
  signed?: SignedDocument;
  /** Seals applied to this document in this visit, in order (several seals on one document). */
  appliedSeals: string[];
}

const INITIAL: SigningState = { step: 'choose', placements: [], crossPage: false, page: 1, zoom: 1, pinOpen: false, appliedSeals: [] };
export const ZOOMS = [1, 1.5, 2, 3] as const;

/** The 文件签章 flow: choose → place → PIN → done, and again with another seal. */
export function useSigning(fitWidth: number) {
  const [state, setState] = useState<SigningState>(INITIAL);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pinError, setPinError] = useState<string | undefined>();
  // One id per opening of the keypad: a retried request is answered once, a new attempt signs anew.
  const requestId = useRef(newRequestId());
  const keys = useRef(0);
  const patch = (p: Partial<SigningState>) => setState((s) => ({ ...s, ...p }));

  const attempt = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (failure) {
      if (isSessionLost(failure)) forgetSession();
      setError(failure instanceof PlatformError && failure.code === 'CANCELLED' ? null : messageOf(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const chooseCompany = (companyId: string) => patch({ companyId, seal: undefined });
  const chooseSeal = (seal: SignableSeal) => patch({ seal });
  const pickDocument = () =>
    attempt(async () => {
      state.document?.preview?.close();
      const document = await chooseAndUploadDocument();
      patch({ document, placements: [], page: 1, appliedSeals: [], signed: undefined });
    });

  const startPlacing = () => {
    setError(null);
    patch({ step: 'place', page: 1, zoom: 1, placements: [], crossPage: false });
  };
  const goToPage = (page: number) => patch({ page: Math.min(Math.max(page, 1), state.document?.pageCount ?? 1) });
  const setZoom = (zoom: number) => patch({ zoom });
  const toggleCrossPage = () => patch({ crossPage: !state.crossPage });

  /** 在本页盖章: a new seal on the current page, where contracts are usually sealed. */
  const addPlacement = () => {
    if (!state.seal || !state.document) return;
    const box = state.document.boxes[state.page - 1]!;
    const view = { box, cssWidth: fitWidth * state.zoom };
    const sizePt = sealSizePt(state.seal.kind);
    const at = screenToPdf(defaultSealPoint(sizePt, view), sizePt, view, state.page);
    patch({ placements: [...state.placements, { key: `p${++keys.current}`, ...at }] });
  };
  const moveSeal = (key: string, placement: SealMarkPlacement) =>
    setState((s) => ({ ...s, placements: s.placements.map((p) => (p.key === key ? placement : p)) }));
  const removeSeal = (key: string) => setState((s) => ({ ...s, placements: s.placements.filter((p) => p.key !== key) }));

  const openPin = () => {
    requestId.current = newRequestId();
    setPinError(undefined);
    patch({ pinOpen: true });
  };
  const closePin = () => patch({ pinOpen: false });

  /** 确认签章 with the PIN: the API checks grant, seal state and PIN, then signs. */
  const sign = async (pin: string) => {
    const { document, seal } = state;
    if (!document || !seal) return;
    setBusy(true);
    setPinError(undefined);
    try {
      const signed = await signDocument(document.documentId, {
        sealId: seal.sealId,
        pin,
        placements: state.placements,
        crossPage: state.crossPage,
        requestId: requestId.current,
      });
      patch({ signed, step: 'done', pinOpen: false, appliedSeals: [...state.appliedSeals, seal.name] });
    } catch (failure) {
      if (isSessionLost(failure)) forgetSession();
      setPinError(messageOf(failure));
      // A refused PIN or seal: the next attempt is a new request.
      requestId.current = newRequestId();
    } finally {
      setBusy(false);
    }
  };

  /** 发送文件 (weapp: to a chat) / 下载 (H5). */
  const share = () =>
    attempt(async () => {
      if (!state.signed || !state.document) return;
      await shareFile({ name: signedFileName(state.document.name), url: state.signed.downloadUrl });
    });

  /** 继续加盖其他印章: the same (now signed) document, another seal. */
  const signAgain = () => {
    setError(null);
    patch({ step: 'choose', seal: undefined, placements: [], crossPage: false });
  };
  const startOver = () => {
    state.document?.preview?.close();
    setError(null);
    setState({ ...INITIAL, companyId: state.companyId });
  };

  return {
    state,
    busy,
    error,
    pinError,
    actions: {
      chooseCompany,
      chooseSeal,
      pickDocument,
      startPlacing,
      goToPage,
      setZoom,
      toggleCrossPage,
      addPlacement,
      moveSeal,
      removeSeal,
      openPin,
      closePin,
      sign,
      share,
      signAgain,
      startOver,
    },
  };
}

export type SigningActions = ReturnType<typeof useSigning>['actions'];
