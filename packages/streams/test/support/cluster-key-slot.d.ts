// The package ships no types; this is its one export.
declare module 'cluster-key-slot' {
  export default function calculateSlot(key: string): number;
}
