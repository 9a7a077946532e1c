// Types for spdx-expression-parse@4 (it ships none): parses an SPDX licence expression
// (SPDX 2.3 Annex D) and throws on an invalid one.
declare module 'spdx-expression-parse' {
  export type SpdxExpressionNode =
    | { license: string; plus?: true; exception?: string }
    | { left: SpdxExpressionNode; conjunction: 'and' | 'or'; right: SpdxExpressionNode };
  export default function parse(expression: string): SpdxExpressionNode;
}
