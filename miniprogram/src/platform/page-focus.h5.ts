/**
 * Taro's H5 router scrolls each page inside its own `.taro_page` element. A page taller than the
 * screen (我的 at 特大) could then not be scrolled from the keyboard, since its buttons and cells
 * are not focusable: each page element is made focusable as the router adds it (WCAG 2.1.1).
 */
export function makePagesKeyboardScrollable(): void {
  const focusable = (node: Node) => {
    if (node instanceof HTMLElement && node.classList.contains('taro_page') && !node.hasAttribute('tabindex')) {
      node.tabIndex = 0;
    }
  };
  document.querySelectorAll('.taro_page').forEach(focusable);
  new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach(focusable))).observe(document.body, {
    childList: true,
    subtree: true,
  });
}
