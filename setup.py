"""The one build step pyproject.toml cannot say: the gettext catalogs (locale/*/LC_MESSAGES/zl.po,
the only form committed) are compiled to .mo files with Babel when the package is built, so a
wheel or a ``pip install .`` holds them; an editable install reads the .po itself (see i18n.py)."""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogs(build_py):
    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for po in Path(self.build_lib, "zhiliang_cli", "locale").rglob("*.po"):
            with po.open("rb") as source:
                catalog = read_po(source)
            with po.with_suffix(".mo").open("wb") as target:
                write_mo(target, catalog)


setup(cmdclass={"build_py": BuildWithCatalogs})
