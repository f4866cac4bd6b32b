import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { makePagesKeyboardScrollable, watchPrivacyRequests } from './platform';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    watchPrivacyRequests();
    makePagesKeyboardScrollable();
  });
  // children is the page being rendered
  return children;
}

export default App;
