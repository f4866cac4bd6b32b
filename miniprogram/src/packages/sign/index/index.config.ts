export default definePageConfig({
  navigationBarTitleText: '文件签章',
  // The keypad is drawn by the page; a pull-to-refresh gesture must not move it.
  enablePullDownRefresh: false,
  disableScroll: false,
});
