// Public surface of @rollcall/attendance: the pure logic (tracker, votes, rules), the
// store and its queries for the API, and the service loop.
export type { AttendanceRecord, AttendanceType } from './model/attendance-record';
export type { FaceMatch } from './model/face-match';
export { decodeFaceMatch, encodeFaceMatch, recordFromMessage } from './contracts/match-codec';
export { CameraTracker, type Assignment } from './tracking/camera-tracker';
export type { Track } from './tracking/track';
export type { TrackerOptions } from './tracking/tracker-options';
export { cosine, iou } from './tracking/geometry';
export { TrackVotes, type Attribution, type Vote } from './voting/track-votes';
export type { VotingOptions } from './voting/voting-options';
export { AttendanceRules, type Decision, type Sighting } from './rules/attendance-rules';
export type { CameraRole, PersonPresence } from './rules/presence';
export type { RulesOptions } from './rules/rules-options';
export { checkTimeZone, localClock, localDay, localTime } from './rules/time-zone';
export { AttendanceEngine, type Observation, type SweepResult } from './engine/attendance-engine';
export type { EngineOptions, RetuneOptions } from './engine/engine-options';
export { RecordStore, type WriteOutcome } from './store/record-store';
export { loadPresence } from './store/presence-store';
export {
  recordsByCamera,
  recordsByDay,
  recordsByPerson,
  type RecordQuery,
  type ReportedRecord,
} from './store/queries';
export { redisCameraRoles, type CameraRoleLookup } from './service/camera-roles';
export { AttendanceService, runAttendance } from './service/run-attendance';
export { ATTENDANCE_GROUP, type AttendanceServiceOptions } from './service/service-options';
export { loadAttendanceSettings, type AttendanceSettings } from './service/settings';
export type { AttendanceStats } from './service/stats';
