/** A screenful: what the phone asks each list for at a time (the API allows up to 50); 加载更多 reads the next. */
export const PAGE_SIZE = 10;
