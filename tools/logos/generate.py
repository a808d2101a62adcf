"""Match Airbyte source connectors to simple-icons brand icons and write Onramp's logos resource.

Run through ./generate (see README.md). Writes, relative to the repository root:
  src/main/resources/dev/onramp/catalog/logos.tsv.gz     slug<TAB>hex<TAB>svg path data, gzip, reproducible
  src/main/resources/dev/onramp/catalog/logos-NOTICE.txt where the icons come from and on what terms
  tools/logos/matched.tsv                                 every match and the rule that made it, for review
"""

import gzip
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATALOG = ROOT / "src/main/resources/dev/onramp/catalog"
ALIASES = HERE / "aliases.tsv"
NO_ICON = "-"
# Connector names that are plain words for a kind of source, never a brand: they never match by name.
GENERIC = {"file", "files", "http", "https", "api", "data", "test", "sftp", "ftp", "email", "mail", "sms", "web",
           "sample", "samples", "database", "storage", "custom", "news", "weather", "finance", "chat", "forms"}
# Licences an icon may declare and still be shipped: the package's own CC0.
ACCEPTED_LICENCES = {None, "CC0-1.0"}
SVG_PATH = re.compile(r'<path d="([^"]+)"\s*/>')


def fail(message):
    sys.exit("generate: " + message)


def normalize(text):
    """simple-icons' title-to-slug rule: a few symbols spelt out, accents dropped, only [a-z0-9] kept."""
    text = text.lower()
    for symbol, word in (("+", "plus"), (".", "dot"), ("&", "and"), ("đ", "d"), ("ħ", "h"), ("ı", "i"),
                         ("ĸ", "k"), ("ŀ", "l"), ("ł", "l"), ("ß", "ss"), ("ŧ", "t")):
        text = text.replace(symbol, word)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]", "", text)


def read_connectors(path):
    connectors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            fail(f"{path}:{number}: expected slug<TAB>name<TAB>…, got {line!r}")
        connectors.append((fields[0], fields[1]))
    return connectors


def read_aliases():
    aliases = {}
    for number, line in enumerate(ALIASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            fail(f"{ALIASES}:{number}: expected connector-slug<TAB>simple-icons-slug (or -), got {line!r}")
        aliases[fields[0].strip()] = fields[1].strip()
    return aliases


def index_icons(icons):
    """Icons by slug first, then by normalized title, then by their 'also known as' names."""
    index = {}
    for icon in icons:
        index.setdefault(icon["slug"], icon)
    for icon in icons:
        index.setdefault(normalize(icon["title"]), icon)
    for icon in icons:
        for aka in icon.get("aliases", {}).get("aka", []):
            index.setdefault(normalize(aka), icon)
    return index


def match(slug, name, aliases, by_slug, index):
    """The icon for one connector and the rule that chose it, or (None, reason)."""
    if slug in aliases:
        target = aliases[slug]
        if target == NO_ICON:
            return None, "alias: no icon"
        return by_slug[target], "alias"
    for rule, key in (("slug", normalize(slug)), ("name", normalize(name))):
        if len(key) < 3 or key in GENERIC:
            continue
        if key in index:
            return index[key], rule
    return None, "no match"


def svg_path(package, icon_slug):
    svg = (package / "icons" / f"{icon_slug}.svg").read_text(encoding="utf-8")
    paths = SVG_PATH.findall(svg)
    if len(paths) != 1 or 'viewBox="0 0 24 24"' not in svg:
        fail(f"icons/{icon_slug}.svg is not one path on a 24x24 view box")
    if "\t" in paths[0] or "\n" in paths[0]:
        fail(f"icons/{icon_slug}.svg has a tab or line break in its path data")
    return paths[0]


def main(argv):
    if len(argv) != 3:
        fail("usage: generate SIMPLE_ICONS_PACKAGE_DIR CONNECTORS_TSV")
    package, connectors_file = Path(argv[1]), Path(argv[2])
    manifest = json.loads((package / "package.json").read_text(encoding="utf-8"))
    if manifest.get("name") != "simple-icons":
        fail(f"{package} is not the simple-icons package (its package.json names {manifest.get('name')!r})")
    if manifest.get("license") != "CC0-1.0":
        fail(f"simple-icons {manifest.get('version')} is no longer CC0-1.0 but {manifest.get('license')!r}: review before use")
    version = manifest["version"]
    icons = json.loads((package / "data" / "simple-icons.json").read_text(encoding="utf-8"))
    by_slug = {icon["slug"]: icon for icon in icons}
    index = index_icons(icons)
    connectors = read_connectors(connectors_file)
    aliases = read_aliases()

    known = {slug for slug, _ in connectors}
    for slug, target in aliases.items():
        if slug not in known:
            print(f"note: aliases.tsv names {slug}, which is not in {connectors_file.name}", file=sys.stderr)
        if target != NO_ICON and target not in by_slug:
            fail(f"aliases.tsv maps {slug} to {target}, which simple-icons {version} does not have")

    rows, report, refused = [], [], []
    for slug, name in connectors:
        icon, rule = match(slug, name, aliases, by_slug, index)
        if icon is None:
            continue
        licence = icon.get("license", {}).get("type")
        if licence not in ACCEPTED_LICENCES:
            refused.append(f"{slug} -> {icon['slug']} ({licence})")
            continue
        hex_colour = icon["hex"].upper()
        if not re.fullmatch(r"[0-9A-F]{6}", hex_colour):
            fail(f"{icon['slug']} has colour {icon['hex']!r}, not six hex digits")
        rows.append(f"{slug}\t{hex_colour}\t{svg_path(package, icon['slug'])}\n")
        report.append(f"{slug}\t{name}\t{icon['slug']}\t{icon['title']}\t{rule}\n")

    data = "".join(sorted(rows)).encode("utf-8")
    buffer = io.BytesIO()
    # mtime 0 and no file name: the same input gives the same bytes, so a regeneration shows no false change.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write(data)
    (CATALOG / "logos.tsv.gz").write_bytes(buffer.getvalue())
    (HERE / "matched.tsv").write_text(
        "# connector slug\tconnector name\tsimple-icons slug\tsimple-icons title\trule\n" + "".join(sorted(report)),
        encoding="utf-8")
    (CATALOG / "logos-NOTICE.txt").write_text(NOTICE.format(version=version), encoding="utf-8")

    print(f"simple-icons {version}: {len(rows)} of {len(connectors)} connectors have a logo; "
          f"logos.tsv.gz is {len(buffer.getvalue())} bytes ({len(data)} uncompressed)")
    for line in refused:
        print(f"left out, the icon declares a licence other than CC0: {line}")


NOTICE = """Provider logos in logos.tsv.gz

Source: the simple-icons package, version {version}, from the npm registry
(https://www.npmjs.com/package/simple-icons, https://simpleicons.org).
Licence: CC0 1.0 Universal (public domain dedication), the licence of the simple-icons package.
Icons for which simple-icons records another licence are left out.

The brand names and logos are trademarks of their respective owners. Onramp shows them only to
identify the service a connector reads from; this implies no endorsement or affiliation.

Each line is: connector slug, TAB, brand colour (six hex digits), TAB, SVG path data on a 24x24
view box. Generated by tools/logos/generate; do not edit by hand.
"""

if __name__ == "__main__":
    main(sys.argv)
