import { Entity, type EntityConfiguration } from 'electrodb';

/**
 * A natural person, identified by a keyed hash of their resident ID number, so the same person
 * is found whether they arrive by WeChat login, as a grantee or as a legal representative, and
 * the ID number itself is never a key.
 */
export const Person = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'person', version: '1', service: 'seal' },
      attributes: {
        personId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        idNumberMasked: { type: 'string', required: true },
        phone: { type: 'string' },
        /** The WeChat openid bound to this person by a passed login face check. */
        openid: { type: 'string' },
        /** The ID number, KMS-encrypted: WeChat's face check (getverifyid) needs it in full. */
        idNumberSealed: { type: 'string' },
        /** When the person's own face check verified `name` with the ID number (none: written by others). */
        nameVerifiedAt: { type: 'string' },
        /** Raising it ends every session issued before (logout everywhere). */
        sessionEpoch: { type: 'number', required: true, default: 0 },
        createdAt: { type: 'string', required: true, readOnly: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['personId'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );

/** WeChat openid → person, written when a face check binds the openid to a real name. */
export const WechatBinding = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'wechatBinding', version: '1', service: 'seal' },
      attributes: {
        openid: { type: 'string', required: true, readOnly: true },
        personId: { type: 'string', required: true },
        boundAt: { type: 'string', required: true },
      },
      indexes: {
        byOpenid: { pk: { field: 'pk', composite: ['openid'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );
