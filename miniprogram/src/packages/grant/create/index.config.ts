export default definePageConfig({ navigationBarTitleText: '印章授权' });
