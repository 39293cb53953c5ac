/** Who set the MetaScrum order and when, or that it still follows Jira rank; and who may change it. */
import { token } from '@atlaskit/tokens';
import type { OrderInfo } from '../../../../src/shared/contract';
import { formatDate } from '../../format';

export function OrderNote({ order }: { order: OrderInfo }) {
  return (
    <p data-testid="order-note" style={{ margin: 0, color: token('color.text.subtle') }}>
      {order.source === 'explicit' && order.changedBy
        ? `MetaScrum order last changed by ${order.changedBy.displayName} on ${formatDate(order.changedAt)} (${order.change ?? 'changed'}).`
        : 'The MetaScrum order follows Jira rank until someone reorders it here.'}
      {order.reorderNote ? ` ${order.reorderNote}` : ''}
    </p>
  );
}
