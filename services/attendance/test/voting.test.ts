import { TrackVotes, type Vote } from '../src';
import { resolveVotingOptions } from '../src/voting/voting-options';
import { T0 } from './support/faces';

const options = resolveVotingOptions({ votesNeeded: 3, windowMs: 2_000 });

function vote(personId: string, offsetMs: number, faceId = `f${offsetMs}`): Vote {
  return { personId, atMs: T0 + offsetMs, faceId, score: 0.6 };
}

function cast(votes: TrackVotes, list: Vote[]): (string | undefined)[] {
  return list.map((v) => votes.add(v)?.personId);
}

describe('TrackVotes', () => {
  it('attributes nobody on K-1 agreeing matches', () => {
    const votes = new TrackVotes(options);

    expect(cast(votes, [vote('ada', 0), vote('ada', 200)])).toEqual([undefined, undefined]);
    expect(votes.attribution).toBeUndefined();
  });

  it('attributes the person on the K-th agreeing match within the window', () => {
    const votes = new TrackVotes(options);

    const decided = cast(votes, [vote('ada', 0), vote('ada', 200), vote('ada', 400)]);

    expect(decided).toEqual([undefined, undefined, 'ada']);
    expect(votes.attribution).toMatchObject({
      personId: 'ada',
      windowStartMs: T0,
      decidedAtMs: T0 + 400,
      faceId: 'f400',
    });
  });

  it('attributes nobody when the K matches are spread beyond the window', () => {
    const votes = new TrackVotes(options);

    cast(votes, [vote('ada', 0), vote('ada', 1_500), vote('ada', 3_000), vote('ada', 4_600)]);

    expect(votes.attribution).toBeUndefined();
  });

  it('ignores unknown matches and does not let disagreeing ones count', () => {
    const votes = new TrackVotes(options);

    cast(votes, [vote('', 0), vote('ada', 100), vote('bob', 200), vote('', 300)]);
    expect(votes.attribution).toBeUndefined();
    cast(votes, [vote('ada', 400), vote('bob', 500)]);
    expect(votes.attribution).toBeUndefined();

    expect(votes.add(vote('ada', 600))?.personId).toBe('ada');
  });

  it('counts a redelivered match once', () => {
    const votes = new TrackVotes(options);

    cast(votes, [vote('ada', 0, 'same'), vote('ada', 0, 'same'), vote('ada', 200)]);

    expect(votes.attribution).toBeUndefined();
  });

  it('passes a track to another person who gathers K votes after the decision', () => {
    const votes = new TrackVotes(options);
    cast(votes, [vote('ada', 0), vote('ada', 200), vote('ada', 400)]);

    const flips = cast(votes, [vote('bob', 600), vote('bob', 800), vote('bob', 1_000)]);
    expect(flips).toEqual([undefined, undefined, 'bob']);
    expect(votes.attribution).toMatchObject({ personId: 'bob', windowStartMs: T0 + 600 });

    // Ada's old votes no longer count: she needs K new ones after Bob's decision.
    expect(votes.add(vote('ada', 1_200))).toBeUndefined();
    expect(votes.attribution?.personId).toBe('bob');
  });

  it('decides the same way for the same votes in any arrival order', () => {
    const list = [vote('ada', 0), vote('bob', 100), vote('ada', 300), vote('ada', 500)];
    const forward = new TrackVotes(options);
    const shuffled = new TrackVotes(options);

    cast(forward, list);
    cast(shuffled, [list[2]!, list[0]!, list[3]!, list[1]!]);

    expect(shuffled.attribution).toEqual(forward.attribution);
  });
});
