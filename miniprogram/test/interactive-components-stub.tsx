// Taro components as plain DOM elements that keep their event handlers, ARIA attributes and
// inline styles, for tests that press, drag and measure (PinKeypad, SealPlacer). A test opts in
// with `jest.mock('@tarojs/components', () => jest.requireActual('<path>/test/interactive-components-stub'))`.
import { createElement, forwardRef, type CSSProperties, type PropsWithChildren } from 'react';

type Props = PropsWithChildren<Record<string, unknown>>;

const TARO_ONLY = new Set([
  'hoverClass',
  'hoverStayTime',
  'catchMove',
  'direction',
  'outOfBounds',
  'inertia',
  'damping',
  'friction',
  'scale',
  'mode',
  'disabled',
]);

function domProps(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children' || TARO_ONLY.has(key)) continue;
    out[key] = value;
  }
  if (typeof props.style === 'string') out.style = undefined;
  return out;
}

function make(tag: string, name: string) {
  const component = forwardRef<HTMLElement, Props>((props, ref) =>
    createElement(
      tag,
      { ...domProps(props), ref, 'data-taro': name, style: props.style as CSSProperties | undefined },
      props.children as never,
    ),
  );
  component.displayName = name;
  return component;
}

export const View = make('div', 'View');
export const Text = make('span', 'Text');
export const Image = make('img', 'Image');
export const MovableArea = make('div', 'MovableArea');
export const MovableView = make('div', 'MovableView');
export const ScrollView = make('div', 'ScrollView');
export const Switch = make('input', 'Switch');
export const Button = make('button', 'Button');
