/** A verification result kept for a day, so its PDF report can be downloaded (the id is the capability). */
export interface VerificationReportRecord {
  reportId: string;
  /** The worded result (documentDto.VerificationResult without the seal images), as JSON. */
  result: unknown;
  createdAt: string;
  ttl: number;
}

export interface VerificationReports {
  create(report: VerificationReportRecord): Promise<void>;
  get(reportId: string): Promise<VerificationReportRecord | undefined>;
}
