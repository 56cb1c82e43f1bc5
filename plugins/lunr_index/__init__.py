from .plugin import register as register
