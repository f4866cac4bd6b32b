// Unit tests stand in for the person on the H5 simulator pages (login, face check, scan): when the
// code under test opens one, it is answered as if the person had tapped there. End-to-end journeys
// walk the real pages instead.
import Taro from '@tarojs/taro';
import { settlePageResult } from '../src/platform';

export interface SimulatorAnswers {
  /** The test identity picked on the login simulator. */
  login?: string;
  face?: 'pass' | 'fail';
  /** What is pasted on the scan simulator. */
  scan?: string;
}

const PAGES: Record<string, keyof SimulatorAnswers> = {
  '/packages/simulator/login/index': 'login',
  '/packages/simulator/face-check/index': 'face',
  '/packages/simulator/scan/index': 'scan',
};

export function answerSimulators(answers: SimulatorAnswers): void {
  jest.mocked(Taro.navigateTo).mockImplementation((async ({ url }: { url: string }) => {
    const [page, query] = url.split('?');
    const which = PAGES[page ?? ''];
    const value = which ? answers[which] : undefined;
    if (which && value !== undefined) {
      const resultId = new URLSearchParams(query).get('resultId') ?? '';
      setTimeout(() => settlePageResult(resultId, value), 0);
    }
    return { errMsg: 'navigateTo:ok' };
  }) as never);
}
