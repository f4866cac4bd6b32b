export default definePageConfig({ navigationBarTitleText: '模拟人脸核验' });
