// autocannon ships no types and @types/autocannon is not a dependency: only what the bench uses is declared.
declare module "autocannon" {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
  }
  interface Result {
    latency: Histogram;
    requests: Histogram & { total: number };
    duration: number;
    non2xx: number;
    errors: number;
    timeouts: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  /** The raw request autocannon is about to send; setupRequest returns a changed copy. */
  interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface RequestStep extends RawRequest {
    setupRequest?: (request: RawRequest) => RawRequest;
    onResponse?: (status: number, body: string) => void;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    requests?: RequestStep[];
  }
  export default function autocannon(options: Options): Promise<Result>;
}
