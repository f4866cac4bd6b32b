import { clampFontScale } from './font-scale-rule';
import { readFontScale, saveFontScale } from './font-scale';

// One current scale shared by all mounted pages (tab pages stay mounted), so a change on one page
// shows on the others at once.
type Listener = () => void;
const listeners = new Set<Listener>();
let current: number | undefined;

export function currentFontScale(): number {
  current ??= readFontScale();
  return current;
}

export function subscribeFontScale(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function publish(scale: number): void {
  if (scale === current) return;
  current = scale;
  listeners.forEach((listener) => listener());
}

/** Re-reads the device setting (the user may have changed the system font while away). */
export function refreshFontScale(): void {
  publish(readFontScale());
}

export function changeFontScale(scale: number): void {
  const clamped = clampFontScale(scale);
  saveFontScale(clamped);
  publish(clamped);
}
