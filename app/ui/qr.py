"""QR codes as inline vector SVG, so they print sharply and need no extra request."""
from __future__ import annotations

import qrcode
import qrcode.image.svg
from markupsafe import Markup


def qr_svg(data: str) -> Markup:
    """An SVG path QR code for the given text."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=4)
    return Markup(image.to_string(encoding="unicode"))
