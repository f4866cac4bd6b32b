export default definePageConfig({ navigationBarTitleText: '扫码确认' });
