"""Find quotation-mark spans in raw text (private helper of :mod:`.quotes`).

Rules
-----
* Double quotes: curly “ … ” and straight " … ". A straight " opens when it stands
  at a word start (start of text, or after whitespace or an opening bracket/dash)
  and closes otherwise.
* Single quotes ‘ … ’ count as quotation only when ‘ opens at a word start; a ’
  closes it only when it is not followed by a letter (so the ’ of "Iran’s" or
  "didn’t" is an apostrophe). Outside an open ‘, a ’ is always an apostrophe.
* Nesting: quotes inside an open quote are tracked on a stack; only the
  outermost spans are returned (the nested ones are part of their text).
* Paragraphs (split on newlines): when a paragraph ends with a double quote still
  open and the next paragraph starts with an opening mark, the quote continues
  into that paragraph (news convention for multi-paragraph quotes); otherwise an
  unclosed double quote ends with its paragraph, and an unclosed single quote is
  dropped (it was probably an apostrophe).
"""

from __future__ import annotations

from dataclasses import dataclass, field

OPEN_DOUBLE = "“"
CLOSE_DOUBLE = "”"
OPEN_SINGLE = "‘"
CLOSE_SINGLE = "’"
STRAIGHT = '"'
TWO_SINGLES = "''"
_OPENING_CONTEXT = set(" \t\n([{—–-/") | {OPEN_DOUBLE, OPEN_SINGLE, STRAIGHT}


@dataclass
class QuoteSpan:
    """A top-level quoted span: ``start`` at the opening mark, ``end`` after the closer.

    ``parts`` lists the (start, end) pieces per paragraph when the quote runs over
    several paragraphs; ``closed`` is False when the span ran to a paragraph end.
    """

    start: int
    end: int
    parts: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True

    def inner(self, text: str) -> str:
        return text[self.start : self.end]


def _word_start(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _OPENING_CONTEXT


def _closes_double(text: str, i: int, top: str | None) -> bool:
    c = text[i]
    if c == CLOSE_DOUBLE:
        return top in (OPEN_DOUBLE, STRAIGHT, TWO_SINGLES)
    if c != STRAIGHT or top is None or top == OPEN_SINGLE:
        return False
    # a straight " inside a curly quote opens a nested quote when at a word start
    return not (top == OPEN_DOUBLE and _word_start(text, i))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _opens_quote(text: str, i: int) -> bool:
    c = text[i]
    if c == OPEN_DOUBLE:
        return True
    if c in (STRAIGHT, OPEN_SINGLE):
        return _word_start(text, i)
    return False


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Return the outermost quoted spans of ``text`` in order."""
    result: list[QuoteSpan] = []
    paras = _paragraphs(text)
    current: QuoteSpan | None = None  # a top-level quote carried across paragraphs
    for pi, (pstart, pend) in enumerate(paras):
        stack: list[tuple[str, int]] = []  # (opening mark, position)
        para_begin = pstart
        if current is not None:
            # continuation paragraph: its opening mark re-opens the carried quote
            lead = pstart + (len(text[pstart:pend]) - len(text[pstart:pend].lstrip()))
            stack = [(text[lead], lead)]
            para_begin = lead + 1
        i = para_begin
        while i < pend:
            c = text[i]
            top = stack[-1][0] if stack else None
            if text.startswith(TWO_SINGLES, i):
                # '' used as a double quotation mark (typewriter style)
                if top == TWO_SINGLES and not _word_start(text, i):
                    _pop(stack, result, text, i + 2, current)
                    if not stack:
                        current = None
                elif _word_start(text, i) and top != TWO_SINGLES:
                    if not stack and current is None:
                        current = QuoteSpan(i, i, [])
                        current.parts.append((i, i))
                    stack.append((TWO_SINGLES, i))
                i += 2
                continue
            if _closes_double(text, i, top):
                _pop(stack, result, text, i + 1, current)
                if not stack:
                    current = None
            elif c == CLOSE_SINGLE and top == OPEN_SINGLE:
                nxt = text[i + 1] if i + 1 < len(text) else " "
                if not nxt.isalpha():
                    _pop(stack, result, text, i + 1, current)
                    if not stack:
                        current = None
            elif c == CLOSE_SINGLE and top is None and text[i : i + 2] == CLOSE_SINGLE * 2:
                i += 1  # ’’ used as a closing double with nothing open: ignore
            elif _opens_quote(text, i):
                if not stack and current is None:
                    current = QuoteSpan(i, i, [])
                    current.parts.append((i, i))
                stack.append((c, i))
            elif c == CLOSE_SINGLE and top == OPEN_DOUBLE and text[i : i + 2] == "’’":
                # typewriter-style ’’ closing a “ quote
                _pop(stack, result, text, i + 2, current)
                if not stack:
                    current = None
                i += 1
            i += 1
        # end of paragraph
        if current is None:
            continue
        while stack and stack[-1][0] == OPEN_SINGLE:
            stack.pop()
        if not stack:
            # only a dangling single quote was open: drop the span
            current = None
            continue
        next_para = paras[pi + 1] if pi + 1 < len(paras) else None
        para_end = pstart + len(text[pstart:pend].rstrip())
        current.parts[-1] = (current.parts[-1][0], para_end)
        current.end = para_end
        if next_para is not None and _opens_quote(text, next_para[0] + _lead_ws(text, next_para)):
            lead = next_para[0] + _lead_ws(text, next_para)
            if text[lead] == text[stack[0][1]] and text[lead] in (OPEN_DOUBLE, STRAIGHT):
                current.parts.append((lead, lead))
                continue
        current.closed = False
        result.append(current)
        current = None
    return result


def _lead_ws(text: str, para: tuple[int, int]) -> int:
    seg = text[para[0] : para[1]]
    return len(seg) - len(seg.lstrip())


def _pop(
    stack: list[tuple[str, int]],
    result: list[QuoteSpan],
    text: str,
    end: int,
    current: QuoteSpan | None,
) -> None:
    stack.pop()
    if stack or current is None:
        return
    current.end = end
    current.parts[-1] = (current.parts[-1][0], end)
    result.append(current)
