import { env as onnxEnv } from 'onnxruntime-node';

/**
 * Keeps onnxruntime's own log lines (a coloured `[E:onnxruntime:...]` per failed provider
 * load, for instance) off the terminal: every failure the command line reports comes as
 * one coded line, and the runtime's text is in the error's message where it matters
 * (`MODEL_LOAD_FAILED`). The level is read once, when the runtime starts its first
 * session, so this runs before any model is opened. The sessions' own level is set by
 * @rollcall/vision; this is the process-wide one, which logs provider loading.
 */
export function quietRuntimeLogs(): void {
  onnxEnv.logLevel = 'fatal';
}
