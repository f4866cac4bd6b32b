import { Text, View } from '@tarojs/components';
import { FormError } from './feedback';
import { Button } from './nutui';
import './forms.css';

/** 加载更多 under a list while the API has more; 没有更多了 once a later page has ended it. */
export function LoadMore({
  list,
}: {
  list: { hasMore: boolean; pagedOn: boolean; loadMore: () => Promise<unknown>; loadingMore: boolean; loadMoreError: string | null };
}) {
  return (
    <View className="load-more">
      <FormError message={list.loadMoreError} />
      {list.hasMore ? (
        <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
          加载更多
        </Button>
      ) : (
        list.pagedOn && <Text className="text-muted">没有更多了</Text>
      )}
    </View>
  );
}
