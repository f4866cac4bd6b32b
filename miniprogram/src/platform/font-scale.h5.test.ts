import { readFontScale, saveFontScale } from './font-scale.h5';

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('H5 font scale setting', () => {
  it('starts at the design size', () => {
    expect(readFontScale()).toBe(1);
  });

  it('remembers the chosen size', () => {
    saveFontScale(1.3);
    expect(readFontScale()).toBe(1.3);
  });

  it('lets ?fontScale= in the address override the setting, within bounds', () => {
    saveFontScale(1.15);
    window.history.replaceState(null, '', '/?fontScale=1.3');
    expect(readFontScale()).toBe(1.3);
    window.history.replaceState(null, '', '/?fontScale=9');
    expect(readFontScale()).toBe(1.6);
  });
});
