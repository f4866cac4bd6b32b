import { Input, Text, View } from '@tarojs/components';
import type { ComponentProps } from 'react';
import './forms.css';

type InputType = ComponentProps<typeof Input>['type'];

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: InputType;
  /** Masked entry (PINs). */
  password?: boolean;
  maxlength?: number;
  hint?: string;
}

/** A labelled text field. Values stay in the page's state only; nothing here stores or logs them. */
export function FormField({ label, value, onChange, placeholder, type = 'text', password, maxlength, hint }: FieldProps) {
  return (
    <View className="field">
      <Text className="field-label">{label}</Text>
      <Input
        className="field-input"
        value={value}
        type={type}
        password={password}
        maxlength={maxlength ?? 140}
        placeholder={placeholder ?? `请输入${label}`}
        onInput={(event) => onChange(event.detail.value)}
      />
      {hint && <Text className="field-hint">{hint}</Text>}
    </View>
  );
}

/** A six-digit signing PIN typed on the number pad, masked. */
export function PinField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <FormField
      label={label}
      value={value}
      onChange={(next) => onChange(next.replace(/\D/g, '').slice(0, 6))}
      type="number"
      password
      maxlength={6}
      placeholder="6位数字"
    />
  );
}
