// The main package holds only what the first screen needs: the three tab pages (WeChat requires
// tab-bar pages to live in the main package). Every feature page goes to a subpackage so the main
// package stays small as features arrive.
const isH5 = process.env.TARO_ENV === 'h5';

const featurePackages = [
  { root: 'packages/auth', pages: ['login/index'] },
  {
    root: 'packages/seal',
    pages: ['list/index', 'claim/index', 'detail/index', 'lifecycle/index', 'pin/index', 'change/index', 'verify/index', 'records/index'],
  },
  // 消息 and 我的文件, opened from 我的.
  { root: 'packages/mine', pages: ['messages/index', 'documents/index'] },
  { root: 'packages/grant', pages: ['create/index', 'manage/index'] },
  { root: 'packages/apply', pages: ['index/index', 'online/index', 'window/index', 'result/index', 'mine/index'] },
  { root: 'packages/scan', pages: ['confirm/index'] },
  // 文件签章 (decision 0020): placement, PIN keypad and pdf.js (H5) load only with this page.
  { root: 'packages/sign', pages: ['index/index', 'batches/index'] },
  // 帮助与常见问题, 隐私保护指引, 用户服务协议 (text shared with the desktop site).
  { root: 'packages/about', pages: ['help/index', 'privacy/index', 'agreement/index'] },
];

// The simulator pages stand in for WeChat's login, face check and camera in the H5 build only;
// they are never shipped in the weapp build.
const simulatorPackage = { root: 'packages/simulator', pages: ['login/index', 'face-check/index', 'scan/index'] };

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/seals/index', 'pages/mine/index'],
  subPackages: isH5 ? [...featurePackages, simulatorPackage] : featurePackages,
  preloadRule: {
    'pages/seals/index': { network: 'all', packages: ['packages/seal'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTitleText: '电子印章',
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/seals/index',
        text: '印章管理',
        iconPath: 'assets/tab/seal.png',
        selectedIconPath: 'assets/tab/seal-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab/mine.png',
        selectedIconPath: 'assets/tab/mine-active.png',
      },
    ],
  },
  // Ask WeChat to route privacy-API calls through our consent prompt (wx.onNeedPrivacyAuthorization).
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
