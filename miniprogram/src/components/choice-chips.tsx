import { Text, View } from '@tarojs/components';
import './forms.css';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface ChipsProps<T extends string> {
  label?: string;
  choices: readonly Choice<T>[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  /** One choice at a time (a radio group) instead of several. */
  single?: boolean;
}

/** Tappable choices: large targets, wrap at any font size, work with touch and mouse alike. */
export function ChoiceChips<T extends string>({ label, choices, selected, onChange, single }: ChipsProps<T>) {
  const toggle = (value: T) => {
    if (single) return onChange([value]);
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  };
  return (
    <View className="field">
      {label && <Text className="field-label">{label}</Text>}
      <View className="chips" role={single ? 'radiogroup' : 'group'}>
        {choices.map((choice) => {
          const on = selected.includes(choice.value);
          return (
            <View
              key={choice.value}
              className={on ? 'chip chip-on' : 'chip'}
              role={single ? 'radio' : 'checkbox'}
              aria-checked={on}
              onClick={() => toggle(choice.value)}
            >
              <Text>{choice.label}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
