import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { watchPrivacyRequests } from './platform';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchPrivacyRequests();
  });
  // children is the page being rendered
  return children;
}

export default App;
