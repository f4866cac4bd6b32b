// NutUI components used by the app, each with its own stylesheet: importing the full NutUI
// stylesheet would add ~250 KB to the weapp main package.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';

export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button/index';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/index';
export { default as CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/index';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/index';
