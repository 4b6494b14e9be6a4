import type { Command } from 'commander';

/** Options every command accepts (given before or after the command name). */
export interface GlobalOptions {
  /** Print one JSON document instead of text. Default false. */
  readonly json: boolean;
  /** The recognising pack. Default `ROLLCALL_PACK` (itself `rollcall-default`). */
  readonly pack?: string;
  /** A pack whose detector replaces the recognising pack's own. Default: none. */
  readonly detector?: string;
  /** Also embed the mirrored face and average. Default: the pack's manifest `flip`. */
  readonly flip?: boolean;
}

export function globalOptions(command: Command): GlobalOptions {
  const o = command.optsWithGlobals<{
    json?: boolean;
    pack?: string;
    detector?: string;
    flip?: boolean;
  }>();
  return { json: o.json === true, pack: o.pack, detector: o.detector, flip: o.flip };
}
