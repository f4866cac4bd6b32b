/** ElectroDB's wrapper of a v3 document client: `lib` gives the document commands it sends. */
declare module '#electrodb/src/client' {
  export class DocumentClientV3Wrapper {
    constructor(client: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient, lib: Record<string, unknown>);
  }
}

/** ElectroDB's entity and transaction modules alone (electrodb-entity-only.ts): the package's own exports. */
declare module '#electrodb/src/entity' {
  export { Entity } from 'electrodb';
}
declare module '#electrodb/src/transaction' {
  export { createWriteTransaction } from 'electrodb';
}
