import type { TenancyNode } from '../src/core/tenancy/profileNodes';
import type { ContainerNode, ResourceNode } from '../src/core/tenancy/resourceNodes';
import type { TenancyModel } from '../src/tenancy/tenancyModel';
import type { TenancyTreeProvider } from '../src/tenancy/tenancyTreeProvider';

/**
 * What a user does in a large tenancy, as the view does it (children, then a TreeItem for each):
 * every page of compartments, then in the first 20 every page of rules and topics, the details
 * of 60 rules, and a rule filter. Returns the rows drawn. Shared by the benchmarks that measure
 * it in a plain process and in the real extension host.
 */
export async function browseTenancy(
  model: TenancyModel,
  provider: TenancyTreeProvider,
  tenancy: TenancyNode,
): Promise<number> {
  const expand = async (node: TenancyNode): Promise<TenancyNode[]> => {
    const children = await provider.getChildren(node);
    children.forEach((child) => provider.getTreeItem(child));
    return children;
  };
  let rows = 0;
  const loadAll = async (node: ContainerNode): Promise<ResourceNode[]> => {
    let children = (await expand(node)) as ResourceNode[];
    while (children[children.length - 1]?.kind === 'loadMore') {
      await model.resources.loadMore(node);
      children = (await expand(node)) as ResourceNode[];
    }
    rows += children.length;
    return children;
  };
  const compartments = (await loadAll(tenancy as ContainerNode)).filter((n) => n.kind === 'compartment');
  const opened: ResourceNode[] = [];
  for (const compartment of compartments.slice(0, 20)) {
    const [rules, topics] = (await expand(compartment)) as ContainerNode[];
    opened.push(...(await loadAll(rules)), ...(await loadAll(topics)));
  }
  const ruleNodes = opened.filter((n) => n.kind === 'rule');
  for (const rule of ruleNodes.slice(0, 60)) {
    rows += (await expand(rule)).length;
  }
  model.resources.setRuleFilter({ text: '1', mode: 'contains' });
  for (const compartment of compartments.slice(0, 20)) {
    const [rules] = (await expand(compartment)) as ContainerNode[];
    rows += (await expand(rules)).length;
  }
  return rows;
}
