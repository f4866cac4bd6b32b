export default definePageConfig({ navigationBarTitleText: '帮助与常见问题' });
