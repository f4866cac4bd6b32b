/**
 * Regenerates `registry.json`, the local business registry: `npx tsx functions/seed/build-registry-seed.ts`.
 * Credit codes and ID numbers get their real check characters; staff passwords are scrypt-hashed.
 * Every value here is fictitious test data for local and dev stages only.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { creditCodeCheckChar, idNumberCheckChar } from '@seal/shared';
import { hashPassword } from '../src/domain/identity/password';

const credit = (first17: string) => `${first17}${creditCodeCheckChar(first17)}`;
const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;

const people = [
  { key: 'lr-xinghe', name: '张伟', idNumber: id('44030519800101123'), phone: '13800138001', note: '法定代表人：深圳市前海星河科技有限公司' },
  { key: 'lr-xinchuang', name: '李娜', idNumber: id('44030419900215234'), phone: '13800138002', note: '法定代表人：深圳市南山新创电子有限公司（本月新注册）' },
  { key: 'lr-pengcheng', name: '王强', idNumber: id('44030319751130345'), phone: '13800138003', note: '执行事务合伙人：深圳市福田鹏程投资合伙企业（有限合伙）' },
  { key: 'lr-huamei', name: '陈静', idNumber: id('44030619850720456'), phone: '13800138004', note: '法定代表人：深圳华美国际贸易有限公司（外资）' },
  { key: 'lr-laojie', name: '刘洋', idNumber: id('44030219881008567'), phone: '13800138005', note: '经营者：深圳市罗湖区老街小吃店（个体工商户）' },
  { key: 'admin', name: '赵敏', idNumber: id('44030719920303678'), phone: '13900139001', note: '印章管理员（待授权）' },
  { key: 'holder', name: '孙丽', idNumber: id('44030819950512789'), phone: '13900139002', note: '印章持有人（待授权）' },
  { key: 'holder-2', name: '吴芳', idNumber: id('44030919960618890'), phone: '13900139003', note: '印章持有人（待授权）' },
  { key: 'stranger', name: '周杰', idNumber: id('44030419701225901'), phone: '13900139004', note: '与任何企业无关' },
  { key: 'new-lr-xinghe', name: '郑洁', idNumber: id('44030519830909012'), phone: '13900139005', note: '变更后的法定代表人（用于营业执照变更演示）' },
];
const pid = (key: string) => people.find((p) => p.key === key)!;

const companies = [
  { creditCode: credit('91440300MA5DXH8K2'), name: '深圳市前海星河科技有限公司', type: 'domestic', legalRep: 'lr-xinghe', registeredOn: '2019-06-18', status: 'active' },
  { creditCode: credit('91440300MA5GNC3P7'), name: '深圳市南山新创电子有限公司', type: 'domestic', legalRep: 'lr-xinchuang', registeredOn: 'this-month', status: 'active' },
  { creditCode: credit('91440300MA5FPC6Q1'), name: '深圳市福田鹏程投资合伙企业（有限合伙）', type: 'partnership', legalRep: 'lr-pengcheng', registeredOn: '2018-03-09', status: 'active', executivePartners: 3 },
  { creditCode: credit('91440300MA5EHM9R4'), name: '深圳华美国际贸易有限公司', nameEn: 'Shenzhen Huamei International Trading Co., Ltd.', type: 'foreign_invested', legalRep: 'lr-huamei', registeredOn: '2016-11-22', status: 'active' },
  { creditCode: credit('92440303MA5HLJ2T8'), name: '深圳市罗湖区老街小吃店', type: 'individual_business', legalRep: 'lr-laojie', registeredOn: '2021-08-30', status: 'active' },
];

async function main() {
  const staff = [
    { username: 'window01', name: '黄敏', password: 'Window#2026a', note: '窗口工作人员（本地测试账号，密码 Window#2026a）' },
    { username: 'window02', name: '林涛', password: 'Window#2026b', note: '窗口工作人员（本地测试账号，密码 Window#2026b）' },
  ];
  const seed = {
    $comment: 'Local/dev business registry (营业执照系统) and test identities. Fictitious data; never loaded in production.',
    companies: companies.map((c) => ({ ...c, legalRep: { key: c.legalRep, name: pid(c.legalRep).name, idNumber: pid(c.legalRep).idNumber } })),
    people,
    staff: await Promise.all(staff.map(async ({ password, ...s }) => ({ ...s, passwordHash: await hashPassword(password) }))),
  };
  writeFileSync(path.join(__dirname, 'registry.json'), `${JSON.stringify(seed, null, 2)}\n`);
}

void main();
