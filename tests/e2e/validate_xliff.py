#!/usr/bin/env python3
"""Check XLIFF 2.0 files written by the hand-off exporter with a real consumer.

Install (PyPI only; lxml comes with translate-toolkit):

    python3 -m pip install 'translate-toolkit==3.20.4'
    # or, without touching site-packages:
    python3 -m pip install --target /tmp/tt 'translate-toolkit==3.20.4'
    PYTHONPATH=/tmp/tt python3 validate.py out/*.xlf

Usage:

    python3 validate.py FILE.xlf [FILE.xlf ...]
    python3 validate.py --fill OUT.xlf FILE.xlf   # also write a copy whose
        # targets were set through translate-toolkit ("FR " + rich source)

No PyPI or npm package was found to ship the OASIS schemas
(xliff_core_2.0.xsd, modules/metadata.xsd), so this does not run an XSD.
Instead each file is
  1. parsed by lxml (well-formed, no DTD, no network),
  2. checked against the XLIFF 2.0 core constraints the exporter relies on
     (namespace, version, srcLang/trgLang, file/unit ids unique NMTOKENs,
     unit child order, segment content, <ph> dataRef -> <data>, ids of
     target placeholders taken from the source, Metadata module shape),
  3. loaded by translate-toolkit's XLIFF 2.0 store (translate.storage.xliff2),
     whose units must match the document's units one for one (id, source
     text, target text).
Exit status: 0 when every file passes, 1 otherwise.
"""

import re
import sys

from lxml import etree

XLF = "urn:oasis:names:tc:xliff:document:2.0"
MDA = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
NMTOKEN = re.compile(r"^[\w.:\-\u00B7\u0300-\u036F\u203F-\u2040]+$")


def q(name, ns=XLF):
    return "{%s}%s" % (ns, name)


def plain_text(element):
    """Text of <source>/<target> as translate-toolkit shows it (no codes)."""
    out = [element.text or ""]
    for child in element:
        if child.tag == q("mrk"):
            out.append(plain_text(child))
        elif child.tag == q("cp"):
            out.append(chr(int(child.get("hex"), 16)))
        out.append(child.tail or "")
    return "".join(out)


def check_inline(element, where, data_ids, errors, ph_ids):
    for child in element.iter():
        if child is element:
            continue
        if child.tag == q("ph"):
            pid = child.get("id")
            if not pid:
                errors.append(f"{where}: <ph> without id")
            ph_ids.append(pid)
            ref = child.get("dataRef")
            if ref is not None and ref not in data_ids:
                errors.append(f"{where}: <ph id={pid!r}> dataRef {ref!r} not in originalData")
        elif child.tag == q("cp"):
            if not re.fullmatch(r"[0-9A-Fa-f]+", child.get("hex") or ""):
                errors.append(f"{where}: <cp> with bad hex")
        elif child.tag in (q("mrk"), q("sm"), q("em"), q("pc"), q("sc"), q("ec")):
            pass
        else:
            errors.append(f"{where}: unexpected element {child.tag}")


def check_metadata(meta, where, errors):
    groups = list(meta)
    if not groups:
        errors.append(f"{where}: <mda:metadata> needs at least one <mda:metaGroup>")
    for group in groups:
        if group.tag != q("metaGroup", MDA):
            errors.append(f"{where}: unexpected {group.tag} in <mda:metadata>")
            continue
        if not len(group):
            errors.append(f"{where}: empty <mda:metaGroup>")
        for m in group:
            if m.tag == q("meta", MDA):
                if not m.get("type"):
                    errors.append(f"{where}: <mda:meta> without type")
                if len(m):
                    errors.append(f"{where}: <mda:meta> must hold text only")
            elif m.tag != q("metaGroup", MDA):
                errors.append(f"{where}: unexpected {m.tag} in <mda:metaGroup>")


def check_unit(unit, where, errors):
    children = [c for c in unit if isinstance(c.tag, str)]
    # Order: extensions (other namespaces), notes?, originalData?, (segment|ignorable)+
    stage = 0
    order = {q("notes"): 1, q("originalData"): 2, q("segment"): 3, q("ignorable"): 3}
    data_ids = set()
    for c in children:
        ns = etree.QName(c).namespace
        s = 0 if ns != XLF else order.get(c.tag)
        if s is None:
            errors.append(f"{where}: unexpected <{etree.QName(c).localname}> in <unit>")
            continue
        if s < stage or (s == stage and s in (1, 2)):
            errors.append(f"{where}: <{etree.QName(c).localname}> out of order")
        stage = s
        if c.tag == q("metadata", MDA):
            check_metadata(c, where, errors)
        elif c.tag == q("notes"):
            if not len(c) or any(n.tag != q("note") for n in c):
                errors.append(f"{where}: <notes> must hold one or more <note>")
        elif c.tag == q("originalData"):
            for d in c:
                if d.tag != q("data") or not d.get("id"):
                    errors.append(f"{where}: bad <originalData> child")
                elif d.get("id") in data_ids:
                    errors.append(f"{where}: duplicate data id {d.get('id')!r}")
                data_ids.add(d.get("id"))
    if stage != 3:
        errors.append(f"{where}: no <segment>")
    src_ids, trg_ids = [], []
    for seg in unit.findall(q("segment")) + unit.findall(q("ignorable")):
        kids = [k for k in seg if isinstance(k.tag, str)]
        tags = [k.tag for k in kids]
        if tags not in ([q("source")], [q("source"), q("target")]):
            errors.append(f"{where}: segment must be <source> then optional <target>")
        for k in kids:
            check_inline(k, where, data_ids, errors, src_ids if k.tag == q("source") else trg_ids)
    if len(set(src_ids)) != len(src_ids):
        errors.append(f"{where}: duplicate <ph> ids in source")
    for pid in trg_ids:
        if pid not in src_ids:
            errors.append(f"{where}: target <ph id={pid!r}> has no source counterpart")


def check_structure(root, errors):
    if root.tag != q("xliff"):
        errors.append(f"root is {root.tag}, not XLIFF 2.0 <xliff>")
        return []
    if root.get("version") != "2.0":
        errors.append(f"version is {root.get('version')!r}, not '2.0'")
    for attr in ("srcLang", "trgLang"):
        if not root.get(attr):
            errors.append(f"<xliff> lacks {attr}")
    units = []
    file_ids = set()
    files = root.findall(q("file"))
    if not files:
        errors.append("no <file>")
    for f in files:
        fid = f.get("id") or ""
        if not NMTOKEN.match(fid) or fid in file_ids:
            errors.append(f"file id {fid!r} is not a unique NMTOKEN")
        file_ids.add(fid)
        if not f.get("original"):
            errors.append(f"file {fid!r} lacks original")
        unit_ids = set()
        for u in f.iter(q("unit")):
            uid = u.get("id") or ""
            where = f"{f.get('original')}:{uid}"
            if not NMTOKEN.match(uid) or uid in unit_ids:
                errors.append(f"{where}: unit id is not a unique NMTOKEN")
            unit_ids.add(uid)
            if u.get(XML_SPACE) not in (None, "preserve", "default"):
                errors.append(f"{where}: bad xml:space")
            check_unit(u, where, errors)
            units.append(u)
        if not unit_ids:
            errors.append(f"file {fid!r} has no unit")
    return units


def check_with_toolkit(data, units, errors):
    from translate.storage.xliff2 import Xliff2File

    try:
        store = Xliff2File.parsestring(data)
    except Exception as e:  # noqa: BLE001 - any failure is a failed check
        errors.append(f"translate-toolkit cannot load it: {e!r}")
        return None
    ours = []
    for u in units:
        segs = u.findall(q("segment"))
        for s in segs:
            uid = u.get("id")
            if len(segs) > 1:
                uid = f"{uid}::{s.get('id') or 'segment-%d' % (segs.index(s) + 1)}"
            src = plain_text(s.find(q("source")))
            trg = s.find(q("target"))
            ours.append((uid, src, plain_text(trg) if trg is not None else None))
    theirs = []
    for tu in store.units:
        target = tu.target if tu.target else None
        theirs.append((tu.getid(), str(tu.source or ""), str(target) if target is not None else None))
    if len(ours) != len(theirs):
        errors.append(f"translate-toolkit sees {len(theirs)} units, the document has {len(ours)}")
    for a, b in zip(ours, theirs):
        if a[0] != b[0] or a[1] != b[1] or (a[2] or None) != b[2]:
            errors.append(f"translate-toolkit reads {b!r}, expected {a!r}")
            break
    root = units[0].getroottree().getroot()
    if store.getsourcelanguage() != root.get("srcLang"):
        errors.append("translate-toolkit reads another source language")
    if store.gettargetlanguage() != root.get("trgLang"):
        errors.append("translate-toolkit reads another target language")
    return store


def fill_with_toolkit(store, out_path):
    from translate.storage.placeables import StringElem

    for tu in store.units:
        rich = tu.rich_source
        if rich:
            tu.rich_target = [StringElem([StringElem("FR ")] + list(rich[0].sub))]
    with open(out_path, "wb") as fh:
        fh.write(bytes(store))


def main(argv):
    fill_out = None
    if len(argv) >= 2 and argv[0] == "--fill":
        fill_out, argv = argv[1], argv[2:]
    if not argv:
        print(__doc__)
        return 2
    failed = 0
    for path in argv:
        errors = []
        with open(path, "rb") as fh:
            data = fh.read()
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as e:
            errors.append(f"not well-formed: {e}")
            root = None
        if root is not None:
            if root.getroottree().docinfo.doctype:
                errors.append("has a DOCTYPE")
            units = check_structure(root, errors)
            store = check_with_toolkit(data, units, errors) if units else None
            if fill_out and store is not None and not errors:
                fill_with_toolkit(store, fill_out)
        if errors:
            failed += 1
            print(f"FAIL {path}")
            for e in errors[:20]:
                print(f"  {e}")
        else:
            print(f"ok   {path}")
    print(f"{len(argv) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
