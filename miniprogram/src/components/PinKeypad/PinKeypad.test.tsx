import { fireEvent, render, screen } from '@testing-library/react';
import { PinKeypad } from './index';
import { keypadDigits } from './pin-entry';

jest.mock('@tarojs/components', () => jest.requireActual('../../../test/interactive-components-stub'));

function key(label: string): HTMLElement {
  return screen.getByRole('button', { name: label });
}

function typeDigits(digits: string): void {
  for (const d of digits) fireEvent.click(key(d));
}

function enteredCount(): string {
  return screen.getByRole('status').getAttribute('aria-label') ?? '';
}

describe('PinKeypad', () => {
  it('submits the six digits in the order they were pressed', () => {
    const onSubmit = jest.fn();
    render(<PinKeypad onSubmit={onSubmit} />);
    typeDigits('402917');
    fireEvent.click(key('确定'));
    expect(onSubmit).toHaveBeenCalledWith('402917');
  });

  it('does not submit until all six digits are entered', () => {
    const onSubmit = jest.fn();
    render(<PinKeypad onSubmit={onSubmit} />);
    typeDigits('12345');
    expect(key('确定').getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(key('确定'));
    expect(onSubmit).not.toHaveBeenCalled();
    typeDigits('6');
    expect(key('确定').getAttribute('aria-disabled')).toBe('false');
  });

  it('takes no more than six digits', () => {
    const onSubmit = jest.fn();
    render(<PinKeypad onSubmit={onSubmit} />);
    typeDigits('12345678');
    expect(enteredCount()).toBe('已输入6位，共6位');
    fireEvent.click(key('确定'));
    expect(onSubmit).toHaveBeenCalledWith('123456');
  });

  it('deletes the last digit', () => {
    const onSubmit = jest.fn();
    render(<PinKeypad onSubmit={onSubmit} />);
    typeDigits('1239');
    fireEvent.click(key('删除一位'));
    expect(enteredCount()).toBe('已输入3位，共6位');
    typeDigits('456');
    fireEvent.click(key('确定'));
    expect(onSubmit).toHaveBeenCalledWith('123456');
  });

  it('never shows the digits entered, only dots', () => {
    const { container } = render(<PinKeypad onSubmit={jest.fn()} />);
    const before = container.querySelector('.pin-keypad__dots')!.textContent;
    typeDigits('975310');
    const dots = container.querySelector('.pin-keypad__dots')!;
    expect(dots.textContent).toBe(before);
    expect(dots.querySelectorAll('.pin-keypad__dot--filled')).toHaveLength(6);
    // Nothing outside the keys themselves carries the PIN: no input, no attribute, no text.
    expect(container.querySelector('input')).toBeNull();
    const keys = container.querySelector('.pin-keypad__keys')!;
    keys.remove();
    expect(container.innerHTML).not.toMatch(/975310|9.*7.*5.*3.*1.*0/);
  });

  it('forgets the digits once submitted, so a refused PIN is typed afresh', () => {
    const onSubmit = jest.fn();
    const { rerender } = render(<PinKeypad onSubmit={onSubmit} />);
    typeDigits('111111');
    fireEvent.click(key('确定'));
    rerender(<PinKeypad onSubmit={onSubmit} error="签章密码错误，还可尝试4次" />);
    expect(enteredCount()).toBe('已输入0位，共6位');
    expect(screen.getByRole('alert').textContent).toBe('签章密码错误，还可尝试4次');
  });

  it('ignores key presses while the request runs', () => {
    const onSubmit = jest.fn();
    render(<PinKeypad onSubmit={onSubmit} busy />);
    typeDigits('123456');
    expect(enteredCount()).toBe('已输入0位，共6位');
    expect(screen.getByRole('button', { name: '处理中…' })).toBeTruthy();
  });

  it('offers every digit exactly once, in a shuffled layout too', () => {
    const sequence = [0.9, 0.1, 0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6];
    const shuffled = keypadDigits('shuffled', () => sequence.shift() ?? 0);
    expect([...shuffled].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(shuffled).not.toEqual(keypadDigits('fixed'));
  });
});
