import { DeleteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Aggregate, ReportStore } from '../../domain/ports.js';
import { isConditionFailure, storeCall } from './store-errors.js';
import { queryAll } from './query-all.js';

const reportPk = (municipality: string) => `REPORT#${municipality}`;
const reportSk = (cell: Omit<Aggregate, 'counts' | 'municipality'>) => `${cell.month}#${cell.service}#${cell.lang}`;
/** Counters are attributes of their own (`n_done`, `n_doneDays_3`), so one update adds to any of them with ADD. */
const COUNTER_PREFIX = 'n_';
/** After every month `YYYY-MM#…` of the range: service and language ids are letters, digits, `_` and `-`, all before `~`. */
const monthRange = (from: string, to: string) => ({ ':from': `${from}#`, ':to': `${to}#~` });

/**
 * Monthly aggregates: `REPORT#<municipality>` / `<month>#<service>#<lang>`, no `expiresAt` (they outlive the
 * submissions). Each contribution is one conditional update: `ADD` its counters and its marker to the set `counted`,
 * on condition that the marker is not in it yet (docs/data-model.md, "Reports").
 */
export class DynamoReportStore implements ReportStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async add(cell: Omit<Aggregate, 'counts'>, marker: string, counts: Record<string, number>): Promise<boolean> {
    const names: Record<string, string> = { '#type': 'type', '#m': 'municipality', '#mo': 'month', '#s': 'service', '#l': 'lang' };
    const values: Record<string, unknown> = {
      ':type': 'aggregate',
      ':m': cell.municipality,
      ':mo': cell.month,
      ':s': cell.service,
      ':l': cell.lang,
      ':marker': marker,
      ':markers': new Set([marker]),
    };
    const add = ['counted :markers'];
    Object.entries(counts).forEach(([name, n], i) => {
      names[`#c${i}`] = `${COUNTER_PREFIX}${name}`;
      values[`:c${i}`] = n;
      add.push(`#c${i} :c${i}`);
    });
    try {
      await storeCall(() =>
        this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { pk: reportPk(cell.municipality), sk: reportSk(cell) },
            UpdateExpression: `SET #type = :type, #m = :m, #mo = :mo, #s = :s, #l = :l ADD ${add.join(', ')}`,
            ConditionExpression: 'NOT contains(counted, :marker)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      );
      return true;
    } catch (e) {
      if (isConditionFailure(e)) return false;
      throw e;
    }
  }

  async list(municipality: string, from: string, to: string): Promise<Aggregate[]> {
    return (await this.items(municipality, from, to)).map((item) => ({
      municipality: item['municipality'] as string,
      month: item['month'] as string,
      service: item['service'] as string,
      lang: item['lang'] as string,
      counts: Object.fromEntries(
        Object.entries(item)
          .filter(([k]) => k.startsWith(COUNTER_PREFIX))
          .map(([k, v]) => [k.slice(COUNTER_PREFIX.length), Number(v)]),
      ),
    }));
  }

  async clear(municipality: string, from: string, to: string): Promise<number> {
    const items = await this.items(municipality, from, to);
    // A few deletes at a time: a year of one town is some hundreds of items.
    for (let i = 0; i < items.length; i += 10)
      await Promise.all(
        items
          .slice(i, i + 10)
          .map((item) =>
            storeCall(() => this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: item['pk'], sk: item['sk'] } }))),
          ),
      );
    return items.length;
  }

  private async items(municipality: string, from: string, to: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': reportPk(municipality), ...monthRange(from, to) },
    });
  }
}
