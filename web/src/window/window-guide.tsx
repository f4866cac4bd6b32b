import { SERVICE_WINDOWS, windowMaterials, type MaterialsFacts, type WindowBusiness } from '@seal/shared/content';

/** 所需材料 and 办事窗口 (the shared lists the phone shows too): what to bring, where, and when. */
export function WindowGuide({ kind, facts }: { kind: WindowBusiness; facts?: MaterialsFacts }) {
  return (
    <aside className="window-guide" data-testid="window-guide" aria-label="办理须知">
      <h4>所需材料</h4>
      <ol>
        {windowMaterials(kind, facts).map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ol>
      <h4>办事窗口</h4>
      {SERVICE_WINDOWS.map((w) => (
        <dl key={w.name}>
          <dt>{w.name}</dt>
          <dd>地址：{w.address}</dd>
          <dd>办公时间：{w.hours}</dd>
          <dd>咨询电话：{w.phone}</dd>
        </dl>
      ))}
    </aside>
  );
}
