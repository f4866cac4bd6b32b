/// <reference types="@tarojs/taro" />

declare module '*.css';
declare module '@nutui/nutui-react-taro/dist/es/packages/*/style/css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** The build target; written out in full so the bundler replaces it. */
    TARO_ENV: 'weapp' | 'h5';
    /** API origin for the weapp build; '' on H5 (same origin). Set by config/index.ts. */
    TARO_APP_API_BASE?: string;
  }
}
