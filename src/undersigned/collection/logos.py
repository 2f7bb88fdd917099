"""Organizations' logos: PNG or JPEG only, size-limited, re-encoded by Pillow.

Re-encoding keeps nothing of the upload but its pixels: no metadata, no trailing bytes, no
second format hidden in the same file. The result is a PNG named by its SHA-256, so the same
logo is stored once and a name can never point at another file.
"""

import hashlib
import io
import re
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from undersigned.core.errors import ActionError

FORMATS = ("PNG", "JPEG")
MAX_PIXELS = 4096 * 4096  # a larger header is refused before its pixels are decoded
SIZE = (512, 512)
NAME = re.compile(r"^[0-9a-f]{64}\.png$")


def logo_dir() -> Path:
    return Path(settings.MEDIA_ROOT) / "logos"


def check_logo(upload: UploadedFile) -> bytes:
    """The upload re-encoded as PNG, or ActionError saying why it is refused."""
    # Pillow only where a logo arrives: not in every process that serves pages.
    from PIL import Image, UnidentifiedImageError

    if upload.size is None or upload.size > settings.SIGN_ON_LOGO_MAX_BYTES:
        raise ActionError(
            _("The logo is too large: at most %(kb)d KB.")
            % {"kb": settings.SIGN_ON_LOGO_MAX_BYTES // 1024}
        )
    try:
        with Image.open(upload) as image:
            if image.format not in FORMATS:
                raise ActionError(_("The logo must be a PNG or JPEG picture."))
            if image.width * image.height > MAX_PIXELS:
                raise ActionError(_("The logo is too large: at most 4096 by 4096 pixels."))
            image.load()
            picture = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, ValueError):
        raise ActionError(_("The logo must be a PNG or JPEG picture.")) from None
    picture.thumbnail(SIZE)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


def store_logo(png: bytes) -> str:
    """Write a re-encoded logo under MEDIA_ROOT/logos/; its file name."""
    name = hashlib.sha256(png).hexdigest() + ".png"
    folder = logo_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if not path.exists():
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(png)
        temporary.replace(path)
    return name


def logo_path(name: str) -> Path | None:
    """The file of a stored logo, or None for a name that is not one of ours."""
    if not NAME.match(name):
        return None
    path = logo_dir() / name
    return path if path.is_file() else None
