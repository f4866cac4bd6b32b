import { useRef } from 'react';
import { Image, MovableArea, MovableView, View } from '@tarojs/components';
import { pageCssSize, pdfToScreen, screenToPdf, sealCssSize, type PageView, type ScreenPoint } from './placement-geometry';
import { SealMark } from './seal-mark';
import type { SealPlacerProps } from './types';
import './seal-placer.css';

/**
 * The WeChat placer: the page is a MovableArea and every seal a MovableView, so dragging runs in
 * WeChat's render layer without a round trip per frame. MovableView reports its top-left in px
 * (CSS pixels), which is what the geometry takes; the PDF position is committed on release.
 */
export function SealPlacer({ pageNumber, box, cssWidth, previewUrl, seal, placements, onMove, onRemove }: SealPlacerProps) {
  const view: PageView = { box, cssWidth };
  const page = pageCssSize(view);
  const sealSize = sealCssSize(seal.sizePt, view);
  // The latest position of each seal while it moves; read when the finger lifts.
  const moving = useRef(new Map<string, ScreenPoint>());

  const commit = (key: string) => {
    const at = moving.current.get(key);
    if (!at) return;
    moving.current.delete(key);
    onMove(key, { key, ...screenToPdf(at, seal.sizePt, view, pageNumber) });
  };

  return (
    <MovableArea className="seal-placer" style={{ width: `${page.width}px`, height: `${page.height}px` }}>
      {previewUrl ? (
        <Image className="seal-placer__page" src={previewUrl} mode="scaleToFill" />
      ) : (
        <View className="seal-placer__outline">第 {pageNumber} 页</View>
      )}
      {placements
        .filter((p) => p.page === pageNumber)
        .map((p) => {
          const at = pdfToScreen(p, seal.sizePt, view);
          return (
            <MovableView
              key={p.key}
              className="seal-placer__seal"
              direction="all"
              x={at.left}
              y={at.top}
              style={{ width: `${sealSize.width}px`, height: `${sealSize.height}px` }}
              onChange={(e) => {
                if (e.detail.source) moving.current.set(p.key, { left: e.detail.x, top: e.detail.y });
              }}
              onTouchEnd={() => commit(p.key)}
            >
              <SealMark seal={seal} width={sealSize.width} height={sealSize.height} />
              <View className="seal-placer__remove" onClick={() => onRemove(p.key)}>
                ×
              </View>
            </MovableView>
          );
        })}
    </MovableArea>
  );
}
