export default definePageConfig({ navigationBarTitleText: '印章领取' });
