// Plain DOM stand-ins for the Taro components the app uses, enough for testing-library queries.
import type { PropsWithChildren } from 'react';

type Props = PropsWithChildren<{ className?: string; style?: string; id?: string; [key: string]: unknown }>;

function domProps({ className, id, role }: Props) {
  return { className, id, role: role as string | undefined };
}

export function View(props: Props) {
  return <div {...domProps(props)}>{props.children}</div>;
}

export function Text(props: Props) {
  return <span {...domProps(props)}>{props.children}</span>;
}

export function Button(props: Props & { onClick?: () => void; disabled?: boolean }) {
  return (
    <button type="button" {...domProps(props)} disabled={props.disabled} onClick={props.onClick}>
      {props.children}
    </button>
  );
}

export function Textarea(props: Props & { value?: string; placeholder?: string; onInput?: (e: { detail: { value: string } }) => void }) {
  return (
    <textarea
      {...domProps(props)}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
    />
  );
}

export function Input(
  props: Props & { value?: string; placeholder?: string; password?: boolean; onInput?: (e: { detail: { value: string } }) => void },
) {
  return (
    <input
      {...domProps(props)}
      type={props.password ? 'password' : 'text'}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(event) => props.onInput?.({ detail: { value: event.target.value } })}
    />
  );
}
