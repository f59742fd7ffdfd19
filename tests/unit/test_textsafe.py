from idlibtui.textsafe import printable, strip_terminal_controls


def test_strips_csi_osc_dcs_and_c1() -> None:
    dirty = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07c \x1bPq#0\x1b\\d \x9b2Je\x07\x00f"
    assert strip_terminal_controls(dirty) == "ared bc d ef"


def test_keeps_newlines_tabs_and_unicode() -> None:
    text = "Maʿarrat al-Nuʿmān\tإدلب\n“quoted” …"
    assert strip_terminal_controls(text) == text


def test_printable_is_one_line_and_drops_bidi_override() -> None:
    assert printable("x\u202eevil\ny") == "xevil y"
