/**
 * Direct table access for tests (arranging, forcing and tampering past the domain's rules): the
 * helper lives beside the DynamoDB adapter, which alone knows the table; tests reach it here.
 */
export { auditEventItem, testTable, type TestTable } from '../src/adapters/dynamodb/test-table';
