// Public surface of @rollcall/matcher: the exhaustive search index now; the gallery kept in
// sync with the registry and the service loop around it are added beside it.
export * from './search';
