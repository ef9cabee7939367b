import * as vscode from 'vscode';
import { ListErrorNode, LoadMoreNode } from '../../core/tenancy/resourceNodes';
import { TENANCY_VIEW_ID } from '../tenancyTreeProvider';
import { loadMoreRow } from '../../core/tenancy/tenancyArgs';
import { tenancyCommand } from '../tenancyContext';

/** The next page of a list, from its "Load more" row, or the failed page again, from its error row. */
export const loadMore = tenancyCommand({
  id: 'oew.tenancy.loadMore',
  args: [loadMoreRow],
  run: (ctx, node: LoadMoreNode | ListErrorNode) =>
    vscode.window.withProgress({ location: { viewId: TENANCY_VIEW_ID } }, () =>
      ctx.tenancy.resources.loadMore(node.parent),
    ),
});
