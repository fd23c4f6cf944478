import { LRUCache } from "lru-cache";

/** Look-ups one student may make in a window, and of them changes. */
export interface StudentLookUpLimits {
  lookUps: { limit: number; windowMs: number };
  changes: { limit: number; windowMs: number };
}

/** Enough for a student who checks their records all day; a script reading records in a loop is not one. */
export const defaultStudentLookUpLimits: StudentLookUpLimits = {
  lookUps: { limit: 30, windowMs: 10 * 60_000 },
  changes: { limit: 5, windowMs: 10 * 60_000 },
};

/**
 * Each student's share of look-ups and changes in a sliding window, counted in memory (per
 * replica). Checked before a call and spent when it is made, so that a change refused for the
 * share leaves its confirmation to be sent again later.
 */
export class StudentShares {
  private readonly times = new LRUCache<string, number[]>({ max: 50_000 });

  constructor(
    private readonly limits: StudentLookUpLimits = defaultStudentLookUpLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Minutes to wait before the student's next look-up or change, or undefined when their share allows one now. */
  waitMinutes(studentId: string, kind: keyof StudentLookUpLimits): number | undefined {
    const { limit, windowMs } = this.limits[kind];
    const recent = this.recent(studentId, kind);
    if (recent.length < limit) return undefined;
    return Math.max(1, Math.ceil(((recent[0] ?? this.now()) + windowMs - this.now()) / 60_000));
  }

  spend(studentId: string, kind: keyof StudentLookUpLimits): void {
    this.times.set(`${kind}:${studentId}`, [...this.recent(studentId, kind), this.now()]);
  }

  private recent(studentId: string, kind: keyof StudentLookUpLimits): number[] {
    const since = this.now() - this.limits[kind].windowMs;
    return (this.times.get(`${kind}:${studentId}`) ?? []).filter((at) => at > since);
  }
}
