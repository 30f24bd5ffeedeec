"""Build the bundled CJK font for desktop_crm.

Reproduces ``resources/fonts/NotoSansSC-Regular.ttf`` from Debian's
``fonts-noto-cjk`` package (Noto Sans CJK, SIL OFL 1.1):

1. pick the Simplified Chinese face ("Noto Sans CJK SC") out of the .ttc,
2. subset it to the character sets an offline Chinese CRM needs,
3. convert the CFF (cubic) outlines to TrueType (quadratic, ``glyf``) outlines,
   because matplotlib's PDF backend and reportlab embed TrueType most reliably,
4. rename the family to ``FAMILY_NAME`` so it never collides with a system
   installed Noto font, and write the result.

Usage (needs fontTools, which is a build-time tool and not a runtime dependency)::

    apt-get install fonts-noto-cjk
    python resources/fonts/build_font.py            # Regular, the shipped file
    python resources/fonts/build_font.py --weight Bold --output /tmp/Bold.ttf

The script is deterministic: the same source file gives a byte-identical result.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from fontTools.misc.timeTools import timestampFromString
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.subset import Options, Subsetter
from fontTools.ttLib import TTCollection, TTFont, newTable

# --- Names -------------------------------------------------------------------

# Family name the application asks Qt / matplotlib / reportlab for. It must stay
# stable: code elsewhere in the repo refers to the font by this exact string.
FAMILY_NAME = "Noto Sans SC CRM"
# PostScript-safe form of FAMILY_NAME (no spaces), used for nameID 6.
PS_FAMILY_NAME = "NotoSansSCCRM"
# Family of the face to extract from the collection.
SOURCE_FAMILY = "Noto Sans CJK SC"

FONT_DIR = Path(__file__).resolve().parent
DEBIAN_FONT_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_OUTPUT = FONT_DIR / "NotoSansSC-Regular.ttf"

# Fixed timestamp for head.created / head.modified so rebuilds are reproducible
# (the upstream release date of Noto Sans CJK 2.004).
BUILD_TIMESTAMP = "Thu Jan 27 00:00:00 2022"

# --- Outline conversion ------------------------------------------------------

# Maximum distance (font units, 1000 per em) between the cubic curve and its
# quadratic approximation. 1.0 is the value used by fontTools' otf2ttf snippet.
MAX_ERR = 1.0
# CFF contours run counter-clockwise, TrueType contours clockwise.
REVERSE_DIRECTION = True
# post format 3 stores no glyph names: the CID names (cidNNNNN) carry no
# information and would cost ~240 KB. Renderers and PDF writers use glyph ids.
POST_FORMAT = 3.0

# --- Character sets ----------------------------------------------------------

# Contiguous Unicode blocks kept whole (only what the source font has is kept).
UNICODE_BLOCKS: dict[str, tuple[int, int]] = {
    "Basic Latin (ASCII)": (0x0020, 0x007E),
    "Latin-1 Supplement": (0x00A0, 0x00FF),
    "General Punctuation": (0x2000, 0x206F),
    "Letterlike Symbols (℃ № ™ …)": (0x2100, 0x214F),
    "Number Forms (Ⅰ–Ⅻ …)": (0x2150, 0x218F),
    "Arrows": (0x2190, 0x21FF),
    "Enclosed Alphanumerics (①–⑳ …)": (0x2460, 0x24FF),
    "Geometric Shapes (■ □ ▲ ○ ● …)": (0x25A0, 0x25FF),
    "CJK Symbols and Punctuation": (0x3000, 0x303F),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
}

# Single code points worth keeping that are not in the blocks above.
EXTRA_CHARS = "·×÷±≈≠≤≥∞√∑%‰￥€£¥©®™★☆✓※§¶°′″"


def decode_double_byte(codec: str, leads: Iterable[int], trails: Iterable[int]) -> set[str]:
    """Return every character a double-byte codec decodes from lead/trail pairs."""
    trail_list = list(trails)
    chars: set[str] = set()
    for lead in leads:
        for trail in trail_list:
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                chars.add(text)
    return chars


def gb2312_chars() -> set[str]:
    """All of GB2312: 6763 hanzi plus its symbols, pinyin, kana, Greek, Cyrillic."""
    return decode_double_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))


def gbk_chars() -> set[str]:
    """All of GBK (a superset of GB2312 with 21 003 CJK ideographs)."""
    trails = [b for b in range(0x40, 0xFF) if b != 0x7F]
    return decode_double_byte("gbk", range(0x81, 0xFF), trails)


def wanted_codepoints(charset: str) -> set[int]:
    """Code points to request from the subsetter for charset 'gb2312' or 'gbk'."""
    codepoints: set[int] = set()
    for first, last in UNICODE_BLOCKS.values():
        codepoints.update(range(first, last + 1))
    codepoints.update(ord(c) for c in EXTRA_CHARS)
    codepoints.update(ord(c) for c in gb2312_chars())
    if charset == "gbk":
        codepoints.update(ord(c) for c in gbk_chars())
    # The space and no-break space must always be there.
    codepoints.update((0x20, 0xA0))
    return codepoints


# --- Source --------------------------------------------------------------------


def load_source_face(collection_path: Path) -> TTFont:
    """Open the SOURCE_FAMILY face from a .ttc (or a single .otf) file."""
    if collection_path.suffix.lower() != ".ttc":
        return TTFont(collection_path)
    collection = TTCollection(collection_path, lazy=True)
    for index, face in enumerate(collection.fonts):
        if face["name"].getDebugName(1) == SOURCE_FAMILY:
            return TTFont(collection_path, fontNumber=index)
    raise SystemExit(f"no face named {SOURCE_FAMILY!r} in {collection_path}")


# --- Subsetting ------------------------------------------------------------------


def subset_font(font: TTFont, codepoints: set[int]) -> None:
    """Subset font in place to codepoints, without hinting or vertical tables."""
    options = Options()
    options.hinting = False  # unhinted: smaller, and TrueType hints can't be kept anyway
    options.desubroutinize = True  # flat charstrings, needed for outline conversion
    options.notdef_outline = True  # keep the .notdef box
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    # Horizontal text only. 'locl' is left out on purpose: its Japanese, Korean
    # and Traditional Chinese lookups would pull thousands of glyphs into the
    # closure. The SC face maps code points to SC glyph forms directly.
    options.layout_features = ["ccmp", "kern", "liga", "mark", "mkmk", "palt", "halt"]
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
    options.prune_unicode_ranges = True
    options.prune_codepage_ranges = True
    subsetter = Subsetter(options=options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)


# --- CFF -> TrueType -------------------------------------------------------------


def cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF table by glyf/loca quadratic outlines (otf2ttf approach)."""
    if font.sfntVersion != "OTTO" or "CFF " not in font:
        raise SystemExit("source face is not a CFF-flavoured OpenType font")
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()

    glyphs = {}
    for name in glyph_order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=REVERSE_DIRECTION))
        glyphs[name] = tt_pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)

    # TrueType wants lsb == xMin; recompute from the new outlines.
    hmtx = font["hmtx"]
    for name, glyph in glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)

    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.maxZones = 1
    maxp.maxTwilightPoints = 0
    maxp.maxStorage = 0
    maxp.maxFunctionDefs = 0
    maxp.maxInstructionDefs = 0
    maxp.maxStackElements = 0
    maxp.maxSizeOfInstructions = 0
    maxp.maxComponentElements = 0
    maxp.compile(font)

    post = font["post"]
    post.formatType = POST_FORMAT
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order

    # Unhinted TrueType: ask rasterisers for grey-scale, symmetric smoothing at
    # every size (what ttfautohint-less Google fonts ship).
    gasp = font["gasp"] = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000A}

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


# --- Names / metadata -------------------------------------------------------------


def rename(font: TTFont, style: str, charset: str) -> None:
    """Give the font its own family name so it can't clash with system fonts."""
    name = font["name"]
    version = font["head"].fontRevision
    full_name = FAMILY_NAME if style == "Regular" else f"{FAMILY_NAME} {style}"
    ps_name = f"{PS_FAMILY_NAME}-{style}"
    new_names = {
        1: FAMILY_NAME,
        2: style,
        3: f"{version:.3f};desktop_crm;{ps_name}",
        4: full_name,
        5: f"Version {version:.3f}; subset ({charset}) of {SOURCE_FAMILY}, CFF converted to TrueType",
        6: ps_name,
        16: FAMILY_NAME,
        17: style,
    }
    # Drop every localized family/full/style name (e.g. the Chinese and Japanese
    # "思源黑体" style names) so all platforms see the same strings.
    name.names = [rec for rec in name.names if rec.nameID not in new_names]
    for name_id, text in new_names.items():
        if name_id in (16, 17) and style in ("Regular", "Bold"):
            continue  # R/I/B/BI families need no typographic names
        name.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
        name.setName(text, name_id, 1, 0, 0)  # Mac Roman, English
    name.names.sort(key=lambda rec: (rec.platformID, rec.platEncID, rec.langID, rec.nameID))

    os2 = font["OS/2"]
    os2.fsType = 0  # installable embedding, as in the source
    is_bold = style == "Bold"
    # fsSelection: bit 0 italic, bit 5 bold, bit 6 regular.
    os2.fsSelection = (os2.fsSelection & ~0b1100001) | (0b0100000 if is_bold else 0b1000000)
    font["head"].macStyle = 0b1 if is_bold else 0
    timestamp = timestampFromString(BUILD_TIMESTAMP)
    font["head"].created = timestamp
    font["head"].modified = timestamp


# --- Main -----------------------------------------------------------------------


def build(source: Path, output: Path, style: str, charset: str) -> TTFont:
    """Run the whole pipeline and save to output; returns the built font."""
    font = load_source_face(source)
    subset_font(font, wanted_codepoints(charset))
    cff_to_glyf(font)
    rename(font, style, charset)
    font.recalcBBoxes = True
    font.recalcTimestamp = False  # keep BUILD_TIMESTAMP, for reproducibility
    output.parent.mkdir(parents=True, exist_ok=True)
    font.save(output)
    return TTFont(output)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weight", choices=["Regular", "Bold"], default="Regular")
    parser.add_argument(
        "--source",
        type=Path,
        help="Noto Sans CJK .ttc (default: Debian's NotoSansCJK-<weight>.ttc)",
    )
    parser.add_argument("--output", type=Path, help=f"default: {DEFAULT_OUTPUT}")
    parser.add_argument(
        "--charset",
        choices=["gb2312", "gbk"],
        default="gbk",
        help="ideograph coverage (default: gbk, i.e. all of GBK; gb2312 is ~1/3 the size)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    source = args.source or DEBIAN_FONT_DIR / f"NotoSansCJK-{args.weight}.ttc"
    output = args.output or FONT_DIR / f"NotoSansSC-{args.weight}.ttf"
    if not source.exists():
        print(f"{source} not found: apt-get install fonts-noto-cjk", file=sys.stderr)
        return 1
    font = build(source, output, args.weight, args.charset)
    size = output.stat().st_size
    cmap = font.getBestCmap()
    print(f"wrote {output}")
    print(f"  family {font['name'].getDebugName(1)!r}, style {font['name'].getDebugName(2)!r}")
    print(f"  {font['maxp'].numGlyphs} glyphs, {len(cmap)} mapped code points")
    print(f"  {size} bytes ({size / 1024 / 1024:.2f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
