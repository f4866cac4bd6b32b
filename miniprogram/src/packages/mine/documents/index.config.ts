export default definePageConfig({ navigationBarTitleText: '我的文件' });
