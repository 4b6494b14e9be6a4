export { Gallery } from './gallery';
export { GallerySync, type GallerySyncOptions, type LoadReport } from './gallery-sync';
