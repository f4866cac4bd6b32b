/** ElectroDB's wrapper of a v3 document client: `lib` gives the document commands it sends. */
declare module 'electrodb/src/client' {
  export class DocumentClientV3Wrapper {
    constructor(client: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient, lib: Record<string, unknown>);
  }
}
