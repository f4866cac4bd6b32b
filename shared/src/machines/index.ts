/** `@seal/shared/machines`: the seal, credential, grant, application and challenge state machines. */
export * from './machine';
export * from './seal-machine';
export * from './credential-machine';
export * from './grant-machine';
export * from './application-machine';
export * from './challenge-machine';
