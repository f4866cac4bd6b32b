export default definePageConfig({ navigationBarTitleText: '印章变更' });
