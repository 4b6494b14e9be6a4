import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { enumSetting, intSetting, pathListSetting, pathSetting } from './env-values';
import { loadConfig, type Env } from './load-config';
import { findRepoRoot, sharedRoot } from './repo-root';

/** How the vision pipeline finds and runs its models. */
export interface VisionSettings {
  /** `ROLLCALL_MODEL_PATH`: folders searched for model files, in order. */
  readonly modelPath: readonly string[];
  /** `ROLLCALL_MODELS_DIR`: where packs are installed. Default `<repo>/models/installed`. */
  readonly modelsDir: string;
  /** `ROLLCALL_PACK`: the pack used when none is named. Default `rollcall-default`. */
  readonly pack: string;
  /** `ROLLCALL_PROVIDER`: onnxruntime execution provider, `cpu` (default) or `cuda`. */
  readonly provider: 'cpu' | 'cuda';
  /** `ROLLCALL_THREADS`: onnxruntime intra-op threads per session. Default 1. */
  readonly threads: number;
  /** `ROLLCALL_DATA_DIR`: face data for evaluation and tests. Default `<repo>/../shared/data`. */
  readonly dataDir: string;
  /** `ROLLCALL_MAX_IMAGE_PIXELS`: images above this many pixels are refused. Default 50 M. */
  readonly maxImagePixels: number;
  /**
   * `ROLLCALL_CACHE_DIR`: downloaded package tarballs and the checksum cache.
   * Default `$XDG_CACHE_HOME/rollcall`, else `~/.cache/rollcall`.
   */
  readonly cacheDir: string;
}

/** Where the defaults point; tests pass their own to avoid depending on this checkout. */
export interface VisionDefaults {
  readonly repoRoot: string;
  /** Extra folders searched after the install folder when they exist. */
  readonly extraModelDirs: readonly string[];
  readonly cacheDir: string;
}

export function visionDefaults(env: Env = process.env): VisionDefaults {
  const repoRoot = findRepoRoot();
  const shared = path.join(sharedRoot(repoRoot), 'models');
  const xdg = env.XDG_CACHE_HOME?.trim();
  return {
    repoRoot,
    extraModelDirs: existsSync(shared) ? [shared] : [],
    cacheDir: path.join(xdg ? xdg : path.join(os.homedir(), '.cache'), 'rollcall'),
  };
}

// 50 megapixels holds a 48 MP phone photo (8000 x 6000) and refuses the 20k x 20k PNGs
// that decompress from a few KB into gigabytes of RGB.
const DEFAULT_MAX_IMAGE_PIXELS = 50_000_000;

export function visionSettingsSchema(defaults: VisionDefaults) {
  const installed = path.join(defaults.repoRoot, 'models', 'installed');
  return z
    .object({
      ROLLCALL_MODEL_PATH: pathListSetting.optional(),
      ROLLCALL_MODELS_DIR: pathSetting.default(installed),
      ROLLCALL_PACK: z
        .string()
        .regex(/^[a-z0-9][\w.-]*$/, 'a pack name such as rollcall-default or buffalo_l')
        .default('rollcall-default'),
      ROLLCALL_PROVIDER: enumSetting(['cpu', 'cuda'] as const).default('cpu'),
      ROLLCALL_THREADS: intSetting(1, 256).default(1),
      ROLLCALL_DATA_DIR: pathSetting.default(path.join(sharedRoot(defaults.repoRoot), 'data')),
      ROLLCALL_MAX_IMAGE_PIXELS: intSetting(1, 1_000_000_000).default(DEFAULT_MAX_IMAGE_PIXELS),
      ROLLCALL_CACHE_DIR: pathSetting.default(defaults.cacheDir),
    })
    .transform((env): VisionSettings => ({
      // The install folder comes first by default so installed packs win over test copies.
      modelPath: env.ROLLCALL_MODEL_PATH ?? [env.ROLLCALL_MODELS_DIR, ...defaults.extraModelDirs],
      modelsDir: env.ROLLCALL_MODELS_DIR,
      pack: env.ROLLCALL_PACK,
      provider: env.ROLLCALL_PROVIDER,
      threads: env.ROLLCALL_THREADS,
      dataDir: env.ROLLCALL_DATA_DIR,
      maxImagePixels: env.ROLLCALL_MAX_IMAGE_PIXELS,
      cacheDir: env.ROLLCALL_CACHE_DIR,
    }));
}

/** Reads the vision settings from `env` (validated, frozen). */
export function loadVisionSettings(
  env: Env = process.env,
  defaults: VisionDefaults = visionDefaults(env),
): VisionSettings {
  return loadConfig(visionSettingsSchema(defaults), env);
}

let current: VisionSettings | undefined;

/** The process's vision settings, read from `process.env` on first use and then kept. */
export function visionSettings(): VisionSettings {
  current ??= loadVisionSettings();
  return current;
}
