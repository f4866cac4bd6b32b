export default definePageConfig({ navigationBarTitleText: '印章申请' });
