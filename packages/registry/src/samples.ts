import { encodeEmbedding } from '@rollcall/vision';

import { nowMs, type RegistryContext } from './context';
import { newSampleId } from './ids';
import { personNotFound } from './person';
import { parseSample, sampleNotFound, type NewSample, type Sample } from './sample';
import { commitChange } from './transaction';

/**
 * Stores one enrolled face of a person (embedding, record, optional crop) and announces
 * it in one MULTI. `PERSON_NOT_FOUND` when the person is not enrolled.
 */
export async function addSample(
  context: RegistryContext,
  personId: string,
  input: NewSample,
): Promise<Sample> {
  await requirePerson(context, personId);
  const { keys } = context;
  const sample: Sample = {
    id: newSampleId(),
    personId,
    modelId: input.embedding.modelId,
    quality: input.quality ?? null,
    createdAtMs: nowMs(context),
    hasCrop: input.cropJpeg != null,
    ...(input.contentSha256 != null ? { contentSha256: input.contentSha256 } : {}),
  };
  const bytes = encodeEmbedding(input.embedding);

  const change = { kind: 'SAMPLE_ADDED' as const, personId, sampleId: sample.id };
  await commitChange(context, change, (multi) => {
    multi.hset(keys.samples(personId), sample.id, bytes);
    multi.hset(keys.sampleMeta(personId), sample.id, JSON.stringify(sample));
    if (input.cropJpeg != null) multi.hset(keys.sampleCrops(personId), sample.id, input.cropJpeg);
  });
  return sample;
}

/** Removes one sample with its embedding and crop, and announces it. */
export async function deleteSample(
  context: RegistryContext,
  personId: string,
  sampleId: string,
): Promise<Sample> {
  const sample = await getSample(context, personId, sampleId);
  const { keys } = context;

  const change = { kind: 'SAMPLE_DELETED' as const, personId, sampleId };
  await commitChange(context, change, (multi) => {
    multi.hdel(keys.samples(personId), sampleId);
    multi.hdel(keys.sampleMeta(personId), sampleId);
    multi.hdel(keys.sampleCrops(personId), sampleId);
  });
  return sample;
}

/** One sample's record; `PERSON_NOT_FOUND` or `SAMPLE_NOT_FOUND` when absent. */
export async function getSample(
  context: RegistryContext,
  personId: string,
  sampleId: string,
): Promise<Sample> {
  await requirePerson(context, personId);
  const json = await context.redis.hget(context.keys.sampleMeta(personId), sampleId);
  if (json === null) throw sampleNotFound(personId, sampleId);
  return parseSample(personId, sampleId, json);
}

/** The stored JPEG crop of a sample, or undefined when none was stored. */
export async function getSampleCrop(
  context: RegistryContext,
  personId: string,
  sampleId: string,
): Promise<Buffer | undefined> {
  await getSample(context, personId, sampleId);
  const jpeg = await context.redis.hgetBuffer(context.keys.sampleCrops(personId), sampleId);
  return jpeg ?? undefined;
}

/** A person's samples, oldest first; `PERSON_NOT_FOUND` when the person is absent. */
export async function listSamples(context: RegistryContext, personId: string): Promise<Sample[]> {
  await requirePerson(context, personId);
  const records = await context.redis.hgetall(context.keys.sampleMeta(personId));
  return Object.entries(records)
    .map(([id, json]) => parseSample(personId, id, json))
    .sort((a, b) => a.createdAtMs - b.createdAtMs || a.id.localeCompare(b.id));
}

/**
 * The person's sample made from the photo file with this sha256, if any. It reads every
 * record of the person (tens, not thousands); two uploads of one file at the same moment
 * can both pass it, as the check and the add are separate round trips.
 */
export async function findSampleByContent(
  context: RegistryContext,
  personId: string,
  contentSha256: string,
): Promise<Sample | undefined> {
  const samples = await listSamples(context, personId);
  return samples.find((sample) => sample.contentSha256 === contentSha256);
}

async function requirePerson(context: RegistryContext, personId: string): Promise<void> {
  if (!validId(personId)) throw personNotFound(personId);
  const exists = await context.redis.hexists(context.keys.people, personId);
  if (exists !== 1) throw personNotFound(personId);
}

/*
 * An id a client typed may hold characters no key can; that is "no such person", not a
 * key-layout error.
 */
function validId(id: string): boolean {
  return /^[A-Za-z0-9_.-]{1,128}$/.test(id);
}
