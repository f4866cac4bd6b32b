import { useMemo, useState, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { isComplete, keypadDigits, PIN_LENGTH, pressDelete, pressDigit, type KeypadLayout } from './pin-entry';
import './pin-keypad.css';

export { PIN_LENGTH } from './pin-entry';
export type { KeypadLayout } from './pin-entry';

export interface PinKeypadProps {
  /** What the PIN is for, e.g. 请输入签章密码. */
  title?: string;
  /** A line under the title: what will be signed or approved. */
  hint?: ReactNode;
  /** The confirm key's text. */
  submitLabel?: string;
  /** While the request runs: keys are disabled and the confirm key says so. */
  busy?: boolean;
  /** Nothing can be confirmed any more (an expired QR code): the confirm key stays disabled. */
  disabled?: boolean;
  /** The API's refusal in Chinese (wrong PIN, frozen seal…), shown above the keys. */
  error?: string;
  /** `fixed` (default): the telephone layout; `shuffled`: new key positions every time it opens. */
  layout?: KeypadLayout;
  /** Called with the six digits; the keypad forgets them at once. */
  onSubmit: (pin: string) => void;
  onCancel?: () => void;
}

/**
 * The secure PIN keypad: six digits entered on our own keys (never the system keyboard, whose
 * input method may learn or upload what is typed), shown only as dots, held in memory only until
 * submitted, never logged or stored.
 */
export function PinKeypad({
  title = '请输入签章密码',
  hint,
  submitLabel = '确定',
  busy = false,
  disabled = false,
  error,
  layout = 'fixed',
  onSubmit,
  onCancel,
}: PinKeypadProps) {
  const [entered, setEntered] = useState('');
  const digits = useMemo(() => keypadDigits(layout), [layout]);
  const complete = isComplete(entered);

  const press = (digit: string) => !busy && setEntered((current) => pressDigit(current, digit));
  const erase = () => !busy && setEntered(pressDelete);
  const submit = () => {
    if (!complete || busy || disabled) return;
    const pin = entered;
    setEntered('');
    onSubmit(pin);
  };

  return (
    <View className="pin-keypad" role="group" aria-label={title}>
      <Text className="pin-keypad__title">{title}</Text>
      {hint ? <View className="pin-keypad__hint">{hint}</View> : null}
      <View className="pin-keypad__dots" role="status" aria-label={`已输入${entered.length}位，共${PIN_LENGTH}位`}>
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <View key={i} className={`pin-keypad__dot${i < entered.length ? ' pin-keypad__dot--filled' : ''}`} />
        ))}
      </View>
      {error ? (
        <View className="pin-keypad__error" role="alert">
          {error}
        </View>
      ) : null}
      <View className="pin-keypad__keys">
        {digits.slice(0, 9).map((digit) => (
          <Key key={digit} label={digit} onPress={() => press(digit)} disabled={busy} />
        ))}
        <Key label="删除" aria="删除一位" onPress={erase} disabled={busy || entered.length === 0} modifier="action" />
        <Key label={digits[9]!} onPress={() => press(digits[9]!)} disabled={busy} />
        <Key label={busy ? '处理中…' : submitLabel} onPress={submit} disabled={busy || disabled || !complete} modifier="submit" />
      </View>
      {onCancel ? (
        <View className="pin-keypad__cancel" role="button" onClick={() => !busy && onCancel()}>
          取消
        </View>
      ) : null}
    </View>
  );
}

interface KeyProps {
  label: string;
  aria?: string;
  disabled: boolean;
  modifier?: 'action' | 'submit';
  onPress: () => void;
}

function Key({ label, aria, disabled, modifier, onPress }: KeyProps) {
  const classes = ['pin-keypad__key', modifier ? `pin-keypad__key--${modifier}` : '', disabled ? 'pin-keypad__key--disabled' : ''];
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      role="button"
      aria-label={aria ?? label}
      aria-disabled={disabled}
      hoverClass="pin-keypad__key--pressed"
      onClick={() => !disabled && onPress()}
    >
      {label}
    </View>
  );
}
