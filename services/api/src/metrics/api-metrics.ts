import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The API's Prometheus metrics on their own registry, which `/metrics` serves. Other
 * modules add their counters to `registry` (`new Counter({ registers: [registry], ... })`).
 */
export interface ApiMetrics {
  readonly registry: Registry;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly enrollments: Counter;
  readonly refusals: Counter<'code'>;
}

/** Options of `createApiMetrics`. */
export interface ApiMetricsOptions {
  /** Also collect Node process metrics (heap, event loop lag). Default true. */
  readonly processMetrics?: boolean;
}

export function createApiMetrics(options: ApiMetricsOptions = {}): ApiMetrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

  return {
    registry,
    httpDuration: new Histogram({
      name: 'rollcall_http_request_duration_seconds',
      help: 'HTTP request latency by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      // Plain routes answer in ms; enrollment runs models for ~0.1-1 s per photo.
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    enrollments: new Counter({
      name: 'rollcall_enrollments_total',
      help: 'Face photos accepted and stored as samples.',
      registers: [registry],
    }),
    refusals: new Counter({
      name: 'rollcall_enrollment_refusals_total',
      help: 'Face photos refused, by error code.',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}
