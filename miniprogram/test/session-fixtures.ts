// People as /v1/me describes them, for tests of what each role is shown.
import type { Me } from '../src/services/me';

export const XINGHE = '91440300MA5DXH8K2L';

export const legalRep: Me = {
  person: { personId: 'p-zhang', name: '张伟', idNumberMasked: '4403**********1235' },
  companies: [{ companyId: XINGHE, name: '深圳市前海星河科技有限公司', type: 'domestic', status: 'active' }],
  grants: [],
  credentials: [],
};

export const holder: Me = {
  person: { personId: 'p-sun', name: '孙丽', idNumberMasked: '4403**********7892' },
  companies: [],
  grants: [{ grantId: 'g1', companyId: XINGHE, companyName: '深圳市前海星河科技有限公司', role: 'seal_holder', sealIds: ['s-name'] }],
  credentials: [],
};

export const stranger: Me = {
  person: { personId: 'p-wu', name: '吴芳', idNumberMasked: '4403**********8906' },
  companies: [],
  grants: [],
  credentials: [],
};
