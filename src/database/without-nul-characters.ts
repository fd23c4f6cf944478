import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";

// biome-ignore lint/suspicious/noControlCharactersInRegex: the character is the point.
const NUL = /\u0000/g;

const withoutNul = (value: unknown) => (typeof value === "string" ? value.replace(NUL, "") : value);

class NulRemover extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return super.transformValue({ ...node, value: withoutNul(node.value) });
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return super.transformPrimitiveValueList({ ...node, values: node.values.map(withoutNul) });
  }
}

/**
 * Removes U+0000 from every text a query sends. PostgreSQL's text cannot hold it (SQLSTATE 22021),
 * so a question, a hand-off message or a PDF's text with one would fail there while SQLite stored
 * it: on both, the character is dropped, as it carries nothing a reader sees.
 */
export class WithoutNulCharacters implements KyselyPlugin {
  private readonly remover = new NulRemover();

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    return this.remover.transformNode(node);
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
