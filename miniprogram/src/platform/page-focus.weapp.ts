/** WeChat scrolls its pages natively, keyboard or not: nothing to do. */
export function makePagesKeyboardScrollable(): void {}
