import { config } from 'zod/mini';
import { zhCN } from 'zod/v4/locales';

/**
 * zod/mini loads no locale (decision 0027): a check without a Chinese message of its own would say
 * only "Invalid input". This loads zod's Chinese (zh-CN) messages (≈3 KiB) as the fallback, so
 * every validation answer a user sees is in Chinese. Called once by each place that parses user
 * input (the Lambda wrapper, the web forms), not at import: shared has no import side effects
 * (decision 0028).
 */
export function configureValidationMessages(): void {
  config(zhCN());
}
