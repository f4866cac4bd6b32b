/**
 * Stands in for `@aws-sdk/lib-dynamodb` where ElectroDB `require`s it, in Lambda bundles only
 * (infra/lib/bundling.ts). The store hands ElectroDB a wrapped client that carries the commands
 * (`electroDbClient` in client.ts, which imports the real package as `#lib-dynamodb`), so ElectroDB
 * never reads its own copy; requiring the real one would load the whole DynamoDB client (decision 0215).
 */
export {};
