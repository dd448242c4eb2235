"""fpdf2's line breaking with each character's width looked up once, not asked of the font three
calls deep, and the line's width kept as it grows, not added up again for each character.

fpdf2 2.8.9 (pinned in requirements.txt) breaks a paragraph into lines one character at a time
(`MultiLineBreak.get_line`). For each character it asks the fragment for the character's width
(Fragment.get_character_width -> get_width -> font.get_text_width) and the line for its whole width
(CurrentLine.width: every fragment's get_width again). That was 60% of a plan's PDF: 1.0 of 1.75 s
under cProfile for the three plans of bench/synth.py, 125,000 widths asked for 55,000 characters.
Here it is 0.23 s of 0.85 s; bench/documents_bench.py (every file of three plans) went 0.88 -> 0.62 s
with this and pdf_plan._glyphs_as_they_are.

`get_line` here is fpdf2's own, line for line, with three changes: a character's width is
`cw[ord(c)] * size * 0.001 / k` from the font's table; the line's width is kept as the integer sum
of each fragment's widths, scaled as fpdf2 scales them; and a character that goes on the line's last
fragment is appended here, with CurrentLine.add_character's own steps (a space's break hint takes
the line's width so far, as `width` gives it), while every other case (a new fragment, a non-breaking
space, a soft hyphen) still goes to add_character. The widths are the very floats fpdf2 computes (the
integer sums are exact, the products and the sum are made in its order), so the lines, and the PDF's
bytes, are the same (tests/documents/test_documents_fpdf_lines.py).

Only where those figures are all there is: fonts measured by pdf_plan._growing_widths (our TrueType
fonts, no text shaping, not symbol fonts), plain fragments, no character spacing or stretching.
Any other paragraph goes to fpdf2's own get_line. No kept library breaks lines for fpdf2; this
module replaces the part of fpdf2's that took the time, and nothing else.
"""
from __future__ import annotations

from fpdf.enums import Align, WrapMode
from fpdf.errors import FPDFException
from fpdf.line_break import (BREAKING_SPACE_SYMBOLS_STR, FORM_FEED, HYPHEN, NBSP, NEWLINE, SOFT_HYPHEN, SPACE,
                             CurrentLine, Fragment, MultiLineBreak, SpaceHint)
from fpdf.util import FloatTolerance

_fpdf2_get_line = MultiLineBreak.get_line
MARK = "daihoi_measured"        # set on a font's class whose widths are its `cw` table (pdf_plan._growing_widths)
COPIED_FROM = "2.8.9"           # the fpdf2 whose get_line this is (requirements.txt pins it)


def install() -> None:
    """Use `get_line` for every MultiLineBreak of this process (those it cannot serve go to fpdf2's).
    Another fpdf2 than the one it was copied from keeps its own: its lines may be broken otherwise."""
    import fpdf

    if fpdf.__version__ == COPIED_FROM:
        MultiLineBreak.get_line = get_line


def _measured(fragment) -> bool:
    """Are `fragment`'s widths its font's `cw` figures scaled, as the fast path computes them?"""
    if type(fragment) is not Fragment:      # noqa: E721 - a subclass may measure itself otherwise
        return False
    state = fragment.graphics_state
    font = state.current_font
    return (getattr(type(font), MARK, False) and not font.is_symbol and not state.text_shaping
            and state.char_spacing == 0 and state.font_stretching == 100)


def _same_style(same: list, fragment, line_fragment) -> bool:
    """fragment.has_same_style(line_fragment), asked again only when either is another fragment: the
    answer of the same two fragments does not change while a line is read."""
    if same[0] is not fragment or same[1] is not line_fragment:
        same[:] = fragment, line_fragment, fragment.has_same_style(line_fragment)
    return same[2]


def get_line(self: MultiLineBreak):
    if not all(map(_measured, self.fragments[self.fragment_index:])):
        return _fpdf2_get_line(self)
    idx_last_forced_break = self.idx_last_forced_break
    self.idx_last_forced_break = None

    if self.fragment_index == len(self.fragments):
        return None

    current_font_height: float = 0

    max_width = self.get_width(current_font_height)
    # The full max width will be passed on via TextLine to FPDF._render_styled_text_line().
    current_line = CurrentLine(
        max_width=max_width,
        print_sh=self.print_sh,
        indent=self.first_line_indent if self._is_first_line else 0,
    )
    # For line wrapping we need to use the reduced width.
    for margin in self.margins:
        max_width -= float(margin)
    if self._is_first_line:
        max_width -= self.first_line_indent

    if self.skip_leading_spaces:
        while self.fragment_index < len(self.fragments):
            if self.character_index >= len(self.fragments[self.fragment_index].characters):
                self.character_index = 0
                self.fragment_index += 1
                continue
            character = self.fragments[self.fragment_index].characters[self.character_index]
            if character == SPACE:
                self.character_index += 1
            else:
                break

    # The line's width as CurrentLine.width gives it: for each of its fragments, the integer sum of its
    # characters' `cw`, times its size in points, times 0.001, over its k, added up from 0 in order.
    # `before`: that sum over every fragment but the last, which alone still grows.
    sums: list[int] = []
    scales: list[tuple[float, float]] = []
    before = 0.0
    measured = None             # (fragment, its font's cw, its size in points, its k): the fragment being read
    same: list = [None, None, False]    # (a fragment, a line's fragment, has_same_style of the two): the last asked
    while self.fragment_index < len(self.fragments):
        current_fragment = self.fragments[self.fragment_index]

        if self.character_index >= len(current_fragment.characters):
            self.character_index = 0
            self.fragment_index += 1
            continue

        if FloatTolerance.greater_than(current_fragment.font_size, current_font_height):
            current_font_height = current_fragment.font_size  # document units
            max_width = self.get_width(current_font_height)
            current_line.max_width = max_width
            for margin in self.margins:
                max_width -= float(margin)
            if self._is_first_line:
                max_width -= self.first_line_indent

        if measured is None or measured[0] is not current_fragment:
            font = current_fragment.font
            measured = (current_fragment, font.cw, current_fragment.font_size_pt, current_fragment.k)
            if measured[2] > font.biggest_size_pt:      # as the font's get_text_width notes it
                font.biggest_size_pt = measured[2]
        _, cw, size, k = measured
        character = current_fragment.characters[self.character_index]
        # get_character_width: a soft hyphen is measured as the hyphen it may become.
        measured_as = HYPHEN if character == SOFT_HYPHEN and not self.print_sh else character
        character_width = cw[ord(measured_as)] * size * 0.001 / k

        if character in (NEWLINE, FORM_FEED):
            self.character_index += 1
            current_line.height = max(current_line.height, current_font_height * self.line_height)
            self._is_first_line = False
            return current_line.manual_break(
                Align.L if self.align == Align.J else self.align,
                trailing_nl=character == NEWLINE,
                trailing_form_feed=character == FORM_FEED,
            )
        line_width = before + sums[-1] * scales[-1][0] * 0.001 / scales[-1][1] if sums else 0
        if FloatTolerance.greater_than(line_width + character_width, max_width):
            self._is_first_line = False
            if character in BREAKING_SPACE_SYMBOLS_STR:  # must come first, always drop a current space.
                self.character_index += 1
                return current_line.manual_break(self.align)
            if self.wrapmode == WrapMode.CHAR:
                current_line.trim_trailing_spaces()
                return current_line.manual_break(self.align)
            if current_line.automatic_break_possible():
                (
                    self.fragment_index,
                    self.character_index,
                    line,
                ) = current_line.automatic_break(self.align)
                self.character_index += 1
                return line
            if idx_last_forced_break == (self.fragment_index, self.character_index):
                raise FPDFException("Not enough horizontal space to render a single character")
            self.idx_last_forced_break = (self.fragment_index, self.character_index)
            return current_line.manual_break(Align.L if self.align == Align.J else self.align)

        fragments = current_line.fragments
        if (fragments and character != NBSP and (character != SOFT_HYPHEN or self.print_sh)
                and current_fragment.link == fragments[-1].link and _same_style(same, current_fragment, fragments[-1])):
            # CurrentLine.add_character's own steps where it appends to the line's last fragment: the line's
            # height; a space's break hint, with the line's width so far (what its `width` gives); the character.
            current_line.height = current_font_height * self.line_height
            if character in BREAKING_SPACE_SYMBOLS_STR:
                current_line.space_break_hint = SpaceHint(self.fragment_index, self.character_index, len(fragments),
                                                          len(fragments[-1].characters), line_width,
                                                          current_line.number_of_spaces)
                current_line.number_of_spaces += 1
            fragments[-1].characters.append(character)
            sums[-1] += cw[ord(character)]
        else:
            count = len(fragments)
            current_line.add_character(
                character,
                character_width,
                current_fragment,
                self.fragment_index,
                self.character_index,
                current_font_height * self.line_height,
                current_fragment.link,
            )
            if len(current_line.fragments) > count:     # a new fragment began: the last one is whole
                if sums:
                    before = before + sums[-1] * scales[-1][0] * 0.001 / scales[-1][1]
                sums.append(0)
                scales.append((size, k))
            if character != SOFT_HYPHEN or self.print_sh:      # what add_character appended
                sums[-1] += cw[ord(SPACE if character == NBSP else character)]

        self.character_index += 1

    if current_line.width:
        self._is_first_line = False
        return current_line.manual_break(Align.L if self.align == Align.J else self.align)
    return None
