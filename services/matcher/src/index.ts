// Public surface of @rollcall/matcher: the exhaustive search index, the gallery kept in
// sync with the registry, and (beside them) the service loop that matches embeddings.
export * from './search';
export * from './gallery';
export * from './service';
