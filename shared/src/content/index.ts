/** `@seal/shared/content`: what both apps show as text: public documents (privacy guide, user agreement, help), window materials and addresses. */
export * from './documents';
export * from './window-service';
