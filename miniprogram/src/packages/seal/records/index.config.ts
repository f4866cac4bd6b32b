export default definePageConfig({ navigationBarTitleText: '用印记录' });
