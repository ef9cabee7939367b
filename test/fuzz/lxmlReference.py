"""The reference engine of the XPath differential test: libxml2's XPath 1.0, through lxml.

Reads JSON lines {"xml", "expr", "ns"} on stdin and writes one JSON line per case: the value in
the form test/fuzz/xpathDifferential.test.ts compares, or {"error": ...}. Run with Debian's
/usr/bin/python3 and its python3-lxml.
"""
import json
import math
import sys

from lxml import etree

PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, strip_cdata=True, huge_tree=False
)
ON_EVENT = etree.XPath('(//*[local-name()="onEvent"])[1]')
STRING_VALUE = etree.XPath("string()")


def number(value):
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return 0.0 if value == 0 else value


def clark(uri, local):
    return "{%s}%s" % (uri, local) if uri else local


def node(item):
    if isinstance(item, tuple):
        return {"kind": "namespace", "name": item[0] or "", "value": item[1]}
    if isinstance(item, etree._Comment):
        return {"kind": "comment", "name": "", "value": item.text or ""}
    if isinstance(item, etree._ProcessingInstruction):
        return {"kind": "processing-instruction", "name": item.target, "value": item.text or ""}
    if isinstance(item, etree._Element):
        name = etree.QName(item)
        return {"kind": "element", "name": clark(name.namespace, name.localname), "value": STRING_VALUE(item)}
    if getattr(item, "is_attribute", False):
        name = etree.QName(item.attrname)
        return {"kind": "attribute", "name": clark(name.namespace, name.localname), "value": str(item)}
    return {"kind": "text", "name": "", "value": str(item)}


def value(result, expr, ns, context):
    if isinstance(result, bool):
        return {"type": "boolean", "value": result}
    if isinstance(result, float):
        return {"type": "number", "value": number(result)}
    if isinstance(result, list):
        # lxml cannot return the root node, and drops more than it when the root comes first
        # (/.//. gives []): the count is libxml2's own, and the nodes are compared when whole.
        evaluate = lambda e: etree.XPath(e, namespaces=ns)(context, eventPayload=context)
        count = int(evaluate("count((%s))" % expr))
        has_root = evaluate("count((%s) | /) = count((%s))" % (expr, expr))
        whole = len(result) == count - (1 if has_root else 0)
        return {"type": "node-set", "count": count, "nodes": [node(item) for item in result] if whole else None}
    return {"type": "string", "value": str(result)}


def main():
    documents = {}
    for line in sys.stdin:
        case = json.loads(line)
        try:
            xml = case["xml"]
            if xml not in documents:
                root = etree.fromstring(xml.encode("utf-8"), PARSER)
                found = ON_EVENT(root)
                documents[xml] = found[0] if found else root
            context = documents[xml]
            result = etree.XPath(case["expr"], namespaces=case["ns"])(context, eventPayload=context)
            out = value(result, case["expr"], case["ns"], context)
        except Exception as err:  # reported to the test, which counts errors on both sides
            out = {"error": "%s: %s" % (type(err).__name__, err)}
        sys.stdout.write(json.dumps(out) + "\n")
    sys.stdout.flush()


main()
