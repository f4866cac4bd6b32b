/** `@seal/shared/content`: the public documents both apps show (privacy guide, user agreement, help). */
export * from './documents';
