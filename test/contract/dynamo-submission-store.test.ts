import { DynamoSubmissionStore } from '../../functions/src/adapters/dynamo/dynamo-submission-store.js';
import { freshTable, useDynalite } from '../support/dynamo.js';
import { submissionStoreContract } from './submission-store.contract.js';

useDynalite();

submissionStoreContract('DynamoSubmissionStore on dynalite', async () => {
  const { db, tableName } = await freshTable();
  return new DynamoSubmissionStore(db, tableName);
});
