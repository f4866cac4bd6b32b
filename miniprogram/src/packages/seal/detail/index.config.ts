export default definePageConfig({ navigationBarTitleText: '印章详情' });
