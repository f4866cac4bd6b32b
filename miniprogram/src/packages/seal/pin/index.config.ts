export default definePageConfig({ navigationBarTitleText: '签章密码' });
