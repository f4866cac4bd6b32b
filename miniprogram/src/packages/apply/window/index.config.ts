export default definePageConfig({ navigationBarTitleText: '窗口办理' });
