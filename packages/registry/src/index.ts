// Public surface of @rollcall/registry: who can be recognised. Every edit is written in
// one MULTI with its `rollcall.v1.RegistryChange` on the registry change stream.
export type { RegistryContext } from './context';
export type { NewPerson, Person, PersonPatch, PersonSummary } from './person';
export type { NewSample, Sample, SampleQuality, SampleVector } from './sample';
export {
  createPerson,
  deletePerson,
  findPerson,
  findPersonByExternalId,
  getPerson,
  updatePerson,
} from './people';
export { listPeople, type ListPeopleOptions, type PeoplePage } from './list-people';
export {
  addSample,
  deleteSample,
  findSampleByContent,
  getSample,
  getSampleCrop,
  listSamples,
} from './samples';
export {
  allSamples,
  lastRegistryChangeId,
  personSamples,
  type AllSamplesOptions,
  type SkippedSamples,
} from './all-samples';
export {
  REGISTRY_CHANGE_KINDS,
  REGISTRY_CHANGE_TYPE,
  REGISTRY_CHANGE_VERSION,
  decodeRegistryChange,
  readRegistryChange,
  registryChangeMessage,
  type RegistryChange,
  type RegistryChangeKind,
} from './change/registry-change';
