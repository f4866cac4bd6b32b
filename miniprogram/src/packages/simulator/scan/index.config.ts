export default definePageConfig({ navigationBarTitleText: '模拟扫一扫' });
