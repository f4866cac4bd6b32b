/** The seed's people and companies (functions/seed/registry.json) the phone journeys use. */
export interface Person {
  key: string;
  name: string;
  idNumber: string;
  phone: string;
}

export const PEOPLE = {
  zhang: { key: 'lr-xinghe', name: '张伟', idNumber: '440305198001011235', phone: '13800138001' },
  li: { key: 'lr-xinchuang', name: '李娜', idNumber: '440304199002152345', phone: '13800138002' },
  sun: { key: 'holder', name: '孙丽', idNumber: '440308199505127892', phone: '13900139002' },
  wang: { key: 'lr-pengcheng', name: '王强', idNumber: '44030319751130345X', phone: '13800138003' },
  wu: { key: 'holder-2', name: '吴芳', idNumber: '440309199606188906', phone: '13900139003' },
  chen: { key: 'lr-huamei', name: '陈静', idNumber: '440306198507204567', phone: '13800138004' },
} satisfies Record<string, Person>;

/** 深圳市南山新创电子有限公司: registered this month, so its four starter seals wait to be claimed. */
export const XINCHUANG = { companyId: '91440300MA5GNC3P79', name: '深圳市南山新创电子有限公司' };
/** A partnership with three executive partners: the guide sends its seal applications to the window. */
export const PENGCHENG = { companyId: '91440300MA5FPC6Q1X', name: '深圳市福田鹏程投资合伙企业（有限合伙）' };
export const XINGHE = { companyId: '91440300MA5DXH8K2L', name: '深圳市前海星河科技有限公司' };

/** A foreign-invested company: it may ask the window for a 中英文法定名称章. */
export const HUAMEI = { companyId: '91440300MA5EHM9R49', name: '深圳华美国际贸易有限公司' };
