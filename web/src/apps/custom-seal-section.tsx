import { useState } from 'react';
import { applicationDto } from '@seal/shared';

const { SEAL_TEMPLATES, SEAL_TEMPLATE_LABELS } = applicationDto;
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { ErrorBox } from '../components/status';
import { GranteeFields, emptyGrantee, granteeOf, type GranteeDraft } from '../window/grantee-fields';
import { ApplicationCard } from '../window/application-card';
import { checkWindowRequest } from '../window/validation';

type Template = (typeof SEAL_TEMPLATES)[number];

const toBase64 = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('读取图片失败'));
    reader.readAsDataURL(file);
  });

/** 自定义印章申请: template or uploaded image, preview, grants, submit, form. Only after an approved integration. */
export function CustomSealSection({
  company,
  integrated,
  applications,
  onChanged,
}: {
  company: { companyId: string; name: string };
  integrated: boolean;
  applications: applicationDto.ApplicationView[];
  onChanged: () => void;
}) {
  const [sealName, setSealName] = useState('');
  const [source, setSource] = useState<'template' | 'image'>('template');
  const [template, setTemplate] = useState<Template>('round');
  const [image, setImage] = useState<string>();
  const [preview, setPreview] = useState<string>();
  const [withGrant, setWithGrant] = useState(false);
  const [grantee, setGrantee] = useState<GranteeDraft>(emptyGrantee);
  const [messages, setMessages] = useState<string[]>([]);
  const mine = applications.filter((a) => a.kind === 'custom_seal' && a.companyId === company.companyId);

  if (!integrated)
    return (
      <section className="card" data-testid="custom-seal">
        <h3>自定义印章申请</h3>
        <p className="warn">申请自定义电子印章需先完成应用系统接入申请（审核通过后可用）。</p>
      </section>
    );

  const showPreview = async () => {
    setMessages([]);
    if (source === 'image') return setPreview(image ? `data:image/png;base64,${image}` : undefined);
    try {
      const svg = await call(routes.previewCustomSeal, {
        params: { companyId: company.companyId },
        body: { sealName, template },
      });
      setPreview(URL.createObjectURL(svg));
    } catch (e) {
      setMessages([(e as Error).message]);
    }
  };
  const submit = async () => {
    const design = source === 'template' ? { source, template } : { source, imageBase64: image ?? '' };
    const grants = withGrant ? [granteeOf(grantee)] : undefined;
    const checked = checkWindowRequest({
      kind: 'custom_seal',
      company: { creditCode: company.companyId, name: company.name },
      sealName,
      design,
      grants,
    });
    if (!checked.ok) return setMessages(checked.messages);
    try {
      await call(routes.submitWindowApplication, { body: checked.value });
      setMessages([]);
      onChanged();
    } catch (e) {
      setMessages([(e as Error).message]);
    }
  };

  return (
    <section className="card" data-testid="custom-seal">
      <h3>自定义印章申请</h3>
      {mine.map((a) => (
        <ApplicationCard key={a.applicationId} application={a} />
      ))}
      <form className="window-form" onSubmit={(e) => (e.preventDefault(), submit())}>
        <label>
          印章名称
          <input name="sealName" value={sealName} onChange={(e) => setSealName(e.target.value)} />
        </label>
        <label className="check">
          <input type="radio" checked={source === 'template'} onChange={() => setSource('template')} /> 选择现有印章模板
        </label>
        {source === 'template' && (
          <select aria-label="印章模板" value={template} onChange={(e) => setTemplate(e.target.value as Template)}>
            {SEAL_TEMPLATES.map((t) => (
              <option key={t} value={t}>
                {SEAL_TEMPLATE_LABELS[t]}
              </option>
            ))}
          </select>
        )}
        <label className="check">
          <input type="radio" checked={source === 'image'} onChange={() => setSource('image')} /> 上传实物印章的盖章图片
        </label>
        {source === 'image' && (
          <input
            type="file"
            accept="image/png,image/jpeg"
            aria-label="实物印章的盖章图片"
            onChange={async (e) => e.target.files?.[0] && setImage(await toBase64(e.target.files[0]))}
          />
        )}
        <button type="button" className="button small" onClick={showPreview}>
          预览印章
        </button>
        {preview && <img className="seal-preview" src={preview} alt="印章预览" data-testid="seal-preview" />}
        <label className="check">
          <input type="checkbox" checked={withGrant} onChange={(e) => setWithGrant(e.target.checked)} /> 同时进行授权设置
        </label>
        {withGrant && <GranteeFields value={grantee} onChange={setGrantee} />}
        {messages.map((m) => (
          <ErrorBox key={m} error={m} />
        ))}
        <button className="button primary" type="submit">
          提交申请
        </button>
      </form>
    </section>
  );
}
