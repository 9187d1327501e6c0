import type { Case } from '../../src/domain/case';
import type { Recidive, RecidiveOverview } from '../../src/app/recidive';
import { RECIDIVE_OVERVIEW_TTL_MS, RecentRecidive } from '../../src/app/recent-recidive';

/** A Recidive whose overview names how many times the index was read, so a kept overview shows as an old count. */
function countingRecidive() {
  let reads = 0;
  const recidive = {
    overview: async (c: Case): Promise<RecidiveOverview> => {
      reads += 1;
      return { matchable: true, suggestions: [], dossier: [], earlierConfirmed: 0, elsewhere: reads, fingerprint: `${c.id}:${reads}` };
    },
  } as unknown as Recidive;
  return { recidive, reads: () => reads };
}

const aCase = (id: string, keys: string[]) => ({ id, perpetratorKeys: keys }) as unknown as Case;

describe('recidive overviews kept for a handler\'s next cards', () => {
  it('many refreshes at once share one read; a later one within the time kept sees the same overview', async () => {
    const { recidive, reads } = countingRecidive();
    let now = 0;
    const recent = new RecentRecidive(recidive, () => now);
    const c = aCase('case-1', ['name:piet']);
    const overviews = await Promise.all(Array.from({ length: 16 }, () => recent.overview(c)));
    expect(new Set(overviews.map((o) => o.fingerprint))).toEqual(new Set(['case-1:1']));
    now += RECIDIVE_OVERVIEW_TTL_MS - 1;
    expect((await recent.overview(c)).fingerprint).toBe('case-1:1');
    expect(reads()).toBe(1);
  });

  it('a change on another instance shows once the time kept has passed', async () => {
    const { recidive } = countingRecidive();
    let now = 0;
    const recent = new RecentRecidive(recidive, () => now);
    const c = aCase('case-1', ['name:piet']);
    await recent.overview(c);
    now += RECIDIVE_OVERVIEW_TTL_MS;
    expect((await recent.overview(c)).fingerprint).toBe('case-1:2');
  });

  it('a new case about the same perpetrator, or a decision on a match, shows on the very next card', async () => {
    const { recidive } = countingRecidive();
    const recent = new RecentRecidive(recidive, () => 0);
    const piet = aCase('case-1', ['name:piet', 'plate:12-ab-34']);
    const other = aCase('case-2', ['name:klaas']);
    await recent.overview(piet);
    await recent.overview(other);
    recent.filed(aCase('case-3', ['plate:12-ab-34']));
    expect((await recent.overview(piet)).fingerprint).toBe('case-1:3');
    expect((await recent.overview(other)).fingerprint).toBe('case-2:2'); // shares no key: kept
    recent.decided('case-9', 'case-2');
    expect((await recent.overview(other)).fingerprint).toBe('case-2:4');
  });

  it('a failed read is not kept: the next card reads again', async () => {
    let fail = true;
    const recidive = { overview: async () => { if (fail) throw new Error('storage down'); return { fingerprint: 'ok' }; } } as unknown as Recidive;
    const recent = new RecentRecidive(recidive, () => 0);
    await expect(recent.overview(aCase('case-1', ['name:piet']))).rejects.toThrow('storage down');
    fail = false;
    expect((await recent.overview(aCase('case-1', ['name:piet']))).fingerprint).toBe('ok');
  });
});
