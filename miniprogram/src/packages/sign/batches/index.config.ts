export default definePageConfig({ navigationBarTitleText: '批量签章进度' });
