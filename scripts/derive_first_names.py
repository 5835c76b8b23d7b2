"""Derives data/first_names.txt from the Faker package's person providers.

Faker (MIT licence, https://pypi.org/project/Faker/) ships first-name lists
per locale. We keep the Latin-script locales whose exports frontline reads
(English, German, French, Spanish, Italian, Dutch, Portuguese, Nordic,
Polish, Czech, Indian English, ...), fold each name to lower case, keep
names of 3 or more letters, and write one name a line, sorted.

Usage:
    pip download --no-deps -d /tmp/faker faker
    cd /tmp/faker && unzip -q faker-*.whl
    PYTHONPATH=/tmp/faker python3 scripts/derive_first_names.py > data/first_names.txt
"""

import importlib
import sys

LOCALES = [
    "en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "en_PK", "en_NG",
    "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH", "fr_QC", "es_ES", "es_MX",
    "es_AR", "it_IT", "nl_NL", "nl_BE", "pt_PT", "pt_BR", "sv_SE", "no_NO",
    "da_DK", "fi_FI", "pl_PL", "cs_CZ", "sk_SK", "hu_HU", "ro_RO", "tr_TR",
    "hr_HR", "sl_SI", "hi_IN", "id_ID", "vi_VN", "ga_IE", "et_EE", "lt_LT",
    "lv_LV", "is_IS",
]


def first_names(locale):
    mod = importlib.import_module(f"faker.providers.person.{locale}")
    provider = mod.Provider
    names = set()
    for attr in ("first_names", "first_names_male", "first_names_female",
                 "first_names_nonbinary"):
        value = getattr(provider, attr, None)
        if isinstance(value, dict):
            value = value.keys()
        if value:
            names.update(value)
    return names


def main():
    out = set()
    for locale in LOCALES:
        for name in first_names(locale):
            name = name.strip().lower()
            if len(name) >= 3 and all(c.isalpha() or c in "-'" for c in name):
                out.add(name)
    sys.stdout.write("# First names derived from Faker's person providers (MIT licence);\n")
    sys.stdout.write("# regenerate with scripts/derive_first_names.py. Licence: data/first_names.LICENSE\n")
    for name in sorted(out):
        sys.stdout.write(name + "\n")


if __name__ == "__main__":
    main()
