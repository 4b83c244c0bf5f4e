#!/usr/bin/env python3
"""Generate the gazetteer tables in src/data/ (Python 3.11, stdlib only).

Writes
  src/data/countries.tsv          ISO 3166-1 alpha-2 countries and territories
  src/data/provinces.tsv          Vietnamese provinces, the 63 before and the
                                  34 after the 2025 merger
  src/data/foreign_localities.tsv foreign provinces, states and cities that
                                  Vietnamese localities partner with

from the files of four registry packages, installed outside the repo:

  pip install --no-deps --target /tmp/gaz/py \\
      vietnamadminunits==1.0.4 vietnam-provinces==2025.10.1
  npm install --prefix /tmp/gaz/npm --no-save \\
      cldr-localenames-full@48.2.0 i18n-iso-countries@7.14.0
  python3 scripts/gazetteers/generate.py --py /tmp/gaz/py \\
      --npm /tmp/gaz/npm/node_modules

(--py and --npm default to $GAZ_PY and $GAZ_NPM, then to the paths above),
plus the hand-written tables below (variants the packages lack and the
foreign localities, compiled from public reference pages; see the comments).

  python3 scripts/gazetteers/generate.py --check

re-reads the checked-in files and checks them (NFC, tone placement, sorted,
no duplicate key, no name shared by two rows) without the packages.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "data"

VERSIONS = {
    "cldr-localenames-full": "48.2.0",
    "i18n-iso-countries": "7.14.0",
    "vietnamadminunits": "1.0.4",
    "vietnam-provinces": "2025.10.1",
}

REGEN = (
    "pip install --no-deps --target /tmp/gaz/py vietnamadminunits==1.0.4 "
    "vietnam-provinces==2025.10.1 && npm install --prefix /tmp/gaz/npm --no-save "
    "cldr-localenames-full@48.2.0 i18n-iso-countries@7.14.0 && "
    "python3 scripts/gazetteers/generate.py --py /tmp/gaz/py --npm /tmp/gaz/npm/node_modules"
)

# ---------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # huyền sắc ngã hỏi nặng
_WORD = re.compile(r"[^\W\d_]+")


def _fix_syllable(m: re.Match) -> str:
    """hoà -> hòa, thuỵ -> thụy, khoẻ -> khỏe (tone on the first vowel of a
    final oa/oe/uy with no final consonant; quý/quả are left alone)."""
    word = m.group(0)
    d = unicodedata.normalize("NFD", word)
    base = [c for c in d if not unicodedata.combining(c) or c not in TONES]
    tone = [c for c in d if c in TONES]
    if len(tone) != 1:
        return word
    plain = "".join(base)
    low = unicodedata.normalize("NFC", plain).lower()
    if not (low.endswith("oa") or low.endswith("oe") or low.endswith("uy")):
        return word
    if len(low) >= 3 and low[-3] == "q":
        return word
    last_letter_idx = max(i for i, c in enumerate(d) if not unicodedata.combining(c))
    tone_idx = d.index(tone[0])
    if tone_idx < last_letter_idx:
        return word  # already on the first vowel
    # rebuild: base letters, tone after the second-to-last letter (+ its marks)
    letters: list[str] = []
    for c in d:
        if c in TONES:
            continue
        if unicodedata.combining(c) and letters:
            letters[-1] += c
        else:
            letters.append(c)
    letters[-2] += tone[0]
    return unicodedata.normalize("NFC", "".join(letters))


def vi(s: str) -> str:
    """NFC, single spaces, new-style tone placement as the project writes it."""
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = _WORD.sub(_fix_syllable, s)
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Key for duplicate checks: the matcher works on lowercased NFC text."""
    return unicodedata.normalize("NFC", s).casefold()


def sort_key(s: str) -> tuple[str, str]:
    """Vietnamese-friendly order: letters without marks first, then exact."""
    d = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return ("".join(c for c in d if not unicodedata.combining(c)).casefold(), s)


def strip_marks(s: str) -> str:
    d = unicodedata.normalize("NFD", s.replace("Đ", "D").replace("đ", "d"))
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def uniq(names, exclude=()) -> list[str]:
    """Dedup case-insensitively, keeping the first spelling and the order."""
    seen = {fold(x) for x in exclude}
    out = []
    for n in names:
        n = vi(n)
        if not n or fold(n) in seen:
            continue
        assert "\t" not in n and "|" not in n, n
        seen.add(fold(n))
        out.append(n)
    return out


OLD_TONE = re.compile(r"(?i)(?<![q])(o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?![^\W\d_])")

# ---------------------------------------------------------------------------
# 1. Countries
# ---------------------------------------------------------------------------

# CLDR territory codes that are not ISO 3166-1 alpha-2 country codes.
# Numeric codes (001, 150 ...) are dropped by pattern. AC CP CQ DG EA IC TA
# are ISO "exceptionally reserved" codes, not assigned; EU EZ UN are unions,
# QO XA XB ZZ are CLDR pseudo/unknown regions. XK (Kosovo) is kept: it is a
# user-assigned code both packages carry and the EU/IMF use.
NOT_ISO = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}

# Where CLDR's Vietnamese display name is not what the Vietnamese press
# writes as the plain name (CLDR's stays as a variant).
NAME_VI = {
    "AE": "Các Tiểu vương quốc Ả Rập Thống nhất",
    "CD": "Cộng hòa Dân chủ Congo",
    "CG": "Cộng hòa Congo",
    "CI": "Bờ Biển Ngà",
    "HK": "Hồng Kông",
    "IT": "Italia",
    "MM": "Myanmar",
    "MO": "Ma Cao",
    "PS": "Palestine",
    "VA": "Tòa Thánh Vatican",
}

# Names the packages carry that are wrong or unusable as a country name in
# running text: i18n-iso-countries' "Bán đảo Mã Lai" is the Malay peninsula,
# the inverted "X, Republic of" forms never occur in prose, "Congo" and
# similar would be shared (the conflict check drops those anyway).
DROP = {
    "Bán đảo Mã Lai", "Lãnh thổ Palestine, bị chiếm đóng", "Cộng Hòa Arab Syrian",
    "Korea, Republic of", "Micronesia, Federated States of", "Moldova, Republic of",
    "Taiwan, Province of China", "Virgin Islands, British", "Virgin Islands, U.S.",
    "Quần đảo Virgin, Anh", "Quần đảo Virgin, Hoa Kỳ", "Cộng hoà Moldova",
    "Netherlands (Kingdom of the)",
}

# Variants the packages lack. Vietnamese spellings follow the Vietnamese
# Wikipedia list of country names ("Danh sách quốc gia", with the
# transliterations used by the Ministry of Foreign Affairs and the Vietnam
# News Agency) and the spellings seen in provincial foreign-affairs reports
# (shared/corpus/dev: CHDCND Lào, CHLB Đức, Cộng hòa Nhân dân Trung Hoa,
# Vương quốc Bỉ ...); English and abbreviations as in English-language
# Vietnamese press.
VARIANTS = {
    "AE": ["UAE", "Các Tiểu vương quốc Ả-rập Thống nhất", "Tiểu vương quốc Ả Rập Thống nhất",
           "Các Tiểu vương quốc A-rập Thống nhất", "U.A.E.", "Emirates"],
    "AF": ["Áp-ga-ni-xtan", "Ápganixtan", "Apganistan"],
    "AM": ["Ác-mê-ni-a", "Ácmênia"],
    "AO": ["Ăng-gô-la", "Ănggôla"],
    "AR": ["Ác-hen-ti-na", "Áchentina", "Achentina", "Cộng hòa Argentina"],
    "AT": ["Áo", "Cộng hòa Áo", "Ốt-xtơ-ri-a"],
    "AU": ["Australia", "Ô-xtrây-li-a", "Ôxtrâylia", "Ô-xtơ-rây-li-a", "Ốt-xtrây-li-a", "Ô-xtrây-lia", "Khối thịnh vượng chung Úc", "Liên bang Úc"],
    "AZ": ["A-déc-bai-gian", "Adécbaigian", "Azerbaijan"],
    "BD": ["Băng-la-đét", "Bănglađét", "Bangladesh"],
    "BE": ["Vương quốc Bỉ", "Belgium"],
    "BG": ["Bun-ga-ri", "Bungari", "Cộng hòa Bulgaria"],
    "BN": ["Bru-nây", "Brunây", "Bru-nây Đa-ru-xa-lam", "Brunei Darussalam", "Vương quốc Brunei"],
    "BO": ["Bô-li-vi-a", "Bôlivia"],
    "BR": ["Braxin", "Bra-xin", "Brasil", "Cộng hòa Liên bang Brazil"],
    "BT": ["Bu-tan"],
    "BY": ["Bê-la-rút", "Bêlarút", "Belarút", "Cộng hòa Belarus"],
    "CA": ["Ca-na-đa", "Canađa", "Gia Nã Đại"],
    "CH": ["Thụy Sỹ", "Liên bang Thụy Sĩ", "Switzerland"],
    "CL": ["Chi-lê", "Chilê", "Cộng hòa Chile"],
    "CN": ["CHND Trung Hoa", "Cộng hòa Nhân dân Trung Hoa", "Trung Hoa", "CHNDTH",
           "PRC", "People's Republic of China"],
    "CO": ["Cô-lôm-bi-a", "Côlômbia"],
    "CR": ["Cốt-xta Ri-ca", "Côxta Rica"],
    "CU": ["Cu-ba", "Cu Ba", "Cộng hòa Cuba"],
    "CY": ["Síp", "Cộng hòa Síp", "Cyprus", "Sýp"],
    "CZ": ["CH Séc", "Cộng hòa Séc", "Czech", "Czechia", "Czech Republic"],
    "DE": ["CHLB Đức", "Cộng hòa Liên bang Đức", "Germany", "Federal Republic of Germany"],
    "DK": ["Vương quốc Đan Mạch", "Denmark"],
    "DZ": ["An-giê-ri", "Angiêri", "Algeria"],
    "EC": ["Ê-cu-a-đo", "Êcuađo"],
    "EE": ["E-xtô-ni-a", "Extônia"],
    "EG": ["Cộng hòa Ả Rập Ai Cập", "Egypt"],
    "ES": ["Vương quốc Tây Ban Nha", "Spain"],
    "ET": ["Ê-ti-ô-pi-a", "Êtiôpia"],
    "FI": ["Cộng hòa Phần Lan", "Finland"],
    "FR": ["Cộng hòa Pháp", "CH Pháp", "France", "French Republic"],
    "GB": ["Anh", "Anh Quốc", "Vương quốc Liên hiệp Anh và Bắc Ireland",
           "Vương quốc Liên hiệp Anh và Bắc Ai-len", "Liên hiệp Vương quốc Anh và Bắc Ai-len",
           "Vương quốc Anh và Bắc Ireland", "UK", "U.K.", "Great Britain", "Britain", "England"],
    "GE": ["Gru-di-a", "Grudia", "Gruzia"],
    "GH": ["Ga-na"],
    "GR": ["Cộng hòa Hy Lạp", "Greece"],
    "HK": ["Đặc khu hành chính Hồng Kông", "Hồng Kông (Trung Quốc)", "Hong Kong", "HK", "Hương Cảng",
           "Hong Kong SAR"],
    "HR": ["Crô-a-ti-a", "Crôatia"],
    "HU": ["Hung-ga-ri", "Hunggari", "Hungari", "Hungaria"],
    "ID": ["In-đô-nê-xi-a", "Inđônêxia", "Indonexia", "Cộng hòa Indonesia"],
    "IE": ["Ai-len", "Ailen", "Cộng hòa Ireland"],
    "IL": ["I-xra-en", "Ixraen", "Nhà nước Israel"],
    "IN": ["Cộng hòa Ấn Độ", "India"],
    "IQ": ["I-rắc", "Irắc", "I-rác"],
    "IR": ["I-ran", "Cộng hòa Hồi giáo Iran"],
    "IS": ["Ai-xơ-len", "Aixơlen", "Băng Đảo"],
    "IT": ["Ý", "I-ta-li-a", "Itali", "Italy", "Cộng hòa Italia", "Cộng hòa Ý"],
    "JM": ["Gia-mai-ca", "Giamaica"],
    "JO": ["Gioóc-đa-ni", "Gioócđani", "Jordan"],
    "JP": ["Nhật", "Japan", "Nhật Bổn"],
    "KE": ["Kê-ni-a", "Kênia"],
    "KG": ["Cư-rơ-gư-xtan", "Cưrơgưxtan", "Kyrgyzstan", "Kirghizistan"],
    "KH": ["Vương quốc Campuchia", "Cam-pu-chia", "Căm-pu-chia", "Cambodia", "Kingdom of Cambodia",
           "Cao Miên", "Kampuchea"],
    "KP": ["CHDCND Triều Tiên", "Cộng hòa Dân chủ Nhân dân Triều Tiên", "Bắc Triều Tiên", "Bắc Hàn",
           "CHDCNDTT", "DPRK", "North Korea"],
    "KR": ["Đại Hàn Dân Quốc", "Đại Hàn", "Nam Hàn", "Cộng hòa Hàn Quốc", "Nam Triều Tiên",
           "South Korea", "Republic of Korea", "Korea", "ROK"],
    "KW": ["Cô-oét", "Côoét", "Kuwait"],
    "KZ": ["Ca-dắc-xtan", "Cadắcxtan", "Ka-dắc-xtan", "Kadắcxtan", "Kazakstan", "Cộng hòa Kazakhstan"],
    "LA": ["CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào", "Laos", "Lao PDR"],
    "LB": ["Libăng", "Lebanon"],
    "LK": ["Xri Lan-ca", "Xrilanca", "Sri Lanka"],
    "LT": ["Lít-va", "Lítva", "Lithuania"],
    "LU": ["Lúc-xăm-bua", "Lúcxămbua", "Đại Công quốc Luxembourg"],
    "LV": ["Lát-vi-a", "Látvia"],
    "LY": ["Li-bi", "Libi"],
    "MA": ["Marốc", "Morocco", "Vương quốc Ma-rốc"],
    "MD": ["Môn-đô-va", "Mônđôva"],
    "MM": ["Mi-an-ma", "Mianma", "Myanma", "Miến Điện", "Burma", "Cộng hòa Liên bang Myanmar"],
    "MN": ["Mông Cổ", "Mongolia"],
    "MO": ["Ma Cao (Trung Quốc)", "Macau", "Áo Môn", "Đặc khu hành chính Ma Cao", "Macao SAR"],
    "MT": ["Man-ta"],
    "MX": ["Mê-hi-cô", "Mêhicô", "Mễ Tây Cơ", "México", "Hợp chủng quốc Mexico"],
    "MY": ["Ma-lai-xi-a", "Malaixia", "Malaysia"],
    "MZ": ["Mô-dăm-bích", "Môdămbích", "Mozambich"],
    "NA": ["Nam-mi-bi-a", "Namibia"],
    "NG": ["Ni-giê-ri-a", "Nigiêria"],
    "NI": ["Ni-ca-ra-goa", "Nicaragoa"],
    "NL": ["Vương quốc Hà Lan", "Netherlands", "The Netherlands", "Holland"],
    "NO": ["Vương quốc Na Uy", "Norway"],
    "NP": ["Nê-pan", "Nêpan"],
    "NZ": ["Niu Di-lân", "Niu Dilân", "Niu Zi-lân", "Tân Tây Lan"],
    "OM": ["Ô-man", "Ôman"],
    "PA": ["Pa-na-ma"],
    "PE": ["Pê-ru", "Pêru", "Cộng hòa Peru"],
    "PH": ["Phi-líp-pin", "Philippin", "Philíppin", "Phi Luật Tân", "Cộng hòa Philippines"],
    "PK": ["Pa-ki-xtan", "Pakixtan"],
    "PL": ["Cộng hòa Ba Lan", "Poland"],
    "PS": ["Pa-le-xtin", "Palextin", "Nhà nước Palestine"],
    "PT": ["Portugal", "Cộng hòa Bồ Đào Nha"],
    "PY": ["Pa-ra-goay", "Paragoay"],
    "QA": ["Ca-ta", "Cata"],
    "RO": ["Ru-ma-ni", "Rumani", "Rumania", "Rô-ma-ni-a"],
    "RS": ["Xéc-bi-a", "Xécbia", "Cộng hòa Serbia"],
    "RU": ["Liên bang Nga", "LB Nga", "Russia", "Russian Federation"],
    "SA": ["Ả-rập Xê-út", "Ả Rập Xê Út", "A-rập Xê-út", "Ả Rập Saudi", "Vương quốc Ả Rập Xê-út",
           "Saudi Arabia"],
    "SD": ["Xu-đăng", "Xuđăng"],
    "SE": ["Vương quốc Thụy Điển", "Sweden"],
    "SG": ["Xin-ga-po", "Xingapo", "Xinhgapo", "Cộng hòa Singapore", "Tân Gia Ba"],
    "SI": ["Xlô-ven-ni-a", "Xlôvenia"],
    "SK": ["Xlô-va-ki-a", "Xlôvakia", "Cộng hòa Slovakia"],
    "SN": ["Xê-nê-gan", "Xênêgan"],
    "SY": ["Xy-ri", "Xyri", "Xi-ri"],
    "TH": ["Vương quốc Thái Lan", "Thailand"],
    "TJ": ["Tát-gi-ki-xtan", "Tátgikixtan"],
    "TL": ["Ti-mo Lét-xtê", "Đông Ti-mo", "East Timor"],
    "TM": ["Tuốc-mê-ni-xtan", "Tuốcmênixtan"],
    "TN": ["Tuy-ni-di", "Tuynidi"],
    "TR": ["Türkiye", "Turkey", "Cộng hòa Thổ Nhĩ Kỳ"],
    "TW": ["Đài Loan (Trung Quốc)", "Taiwan", "Trung Hoa Dân Quốc", "Đài Bắc Trung Hoa",
           "Chinese Taipei"],
    "TZ": ["Tan-da-ni-a", "Tandania"],
    "UA": ["Ucraina", "Ukraine", "U-crai-na", "U-crai-na"],
    "US": ["Mỹ", "Hợp chủng quốc Hoa Kỳ", "Hợp chúng quốc Hoa Kỳ", "Hoa Kì", "USA", "U.S.A.",
           "U.S.", "United States", "United States of America"],
    "UY": ["U-ru-goay", "Urugoay"],
    "UZ": ["U-dơ-bê-ki-xtan", "Udơbêkixtan"],
    "VA": ["Vatican", "Tòa thánh", "Holy See"],
    "VE": ["Vê-nê-xu-ê-la", "Vênêxuêla", "Cộng hòa Bolivar Venezuela"],
    "VN": ["Vietnam", "Viet Nam", "Cộng hòa Xã hội Chủ nghĩa Việt Nam", "CHXHCN Việt Nam",
           "Socialist Republic of Vietnam", "Socialist Republic of Viet Nam"],
    "ZA": ["Cộng hòa Nam Phi", "South Africa"],
    "ZM": ["Dăm-bi-a", "Dămbia"],
    "ZW": ["Dim-ba-bu-ê", "Dimbabuê"],
}

# Names of a row that, lowercased, are also ordinary words (Vietnamese, or
# English "us"): a matcher should take them only capitalized and in a
# country context ("ý kiến", "đạo đức", "pháp luật", "áo", "sinh nhật",
# "anh", "thiên nga", "séc" = cheque, "thẩm mỹ", "khinh bỉ", "đại hàn" =
# the "great cold" solar term).
COMMON_WORD = {
    "AT": ["Áo"], "BE": ["Bỉ"], "CZ": ["Séc"], "DE": ["Đức"], "FR": ["Pháp"],
    "GB": ["Anh"], "IT": ["Ý"], "JP": ["Nhật"], "KR": ["Đại Hàn"], "RU": ["Nga"], "US": ["Mỹ", "US"],
}


def read_json(p: Path):
    with open(p, encoding="utf-8") as f:
        return json.load(f)


def check_npm_version(npm: Path, name: str) -> None:
    got = read_json(npm / name / "package.json")["version"]
    if got != VERSIONS[name]:
        sys.exit(f"{name}: found {got}, want {VERSIONS[name]}")


def check_py_version(py: Path, dist: str, name: str) -> None:
    meta = py / f"{dist}-{VERSIONS[name]}.dist-info" / "METADATA"
    if not meta.exists():
        sys.exit(f"{name}=={VERSIONS[name]} not found under {py}")


def build_countries(npm: Path):
    check_npm_version(npm, "cldr-localenames-full")
    check_npm_version(npm, "i18n-iso-countries")
    cldr = npm / "cldr-localenames-full" / "main"
    cvi = read_json(cldr / "vi" / "territories.json")["main"]["vi"]["localeDisplayNames"]["territories"]
    cen = read_json(cldr / "en" / "territories.json")["main"]["en"]["localeDisplayNames"]["territories"]
    isoc = npm / "i18n-iso-countries"
    iso_codes = {row[0] for row in read_json(isoc / "codes.json")}
    ivi = read_json(isoc / "langs" / "vi.json")["countries"]
    ien = read_json(isoc / "langs" / "en.json")["countries"]

    def aslist(x):
        return x if isinstance(x, list) else [x]

    codes = sorted(k for k in cvi if re.fullmatch(r"[A-Z]{2}", k) and k not in NOT_ISO)
    missing = iso_codes - set(codes)
    extra = set(codes) - iso_codes
    assert not missing and not extra, (missing, extra)
    for k in VARIANTS:
        assert k in codes, k

    rows = {}
    for code in codes:
        name_vi = vi(NAME_VI.get(code, cvi[code]))
        name_en = vi(cen[code])
        # CLDR first, then the hand-written spellings, then i18n-iso-countries
        # (the first spelling of a name that differs only in case is kept)
        names = [cvi[code]] + [v for k, v in cvi.items() if k.startswith(code + "-alt-")]
        names += VARIANTS.get(code, [])
        names += aslist(ivi.get(code, []))
        names += [v for k, v in cen.items() if k.startswith(code + "-alt-")]
        names += aslist(ien.get(code, []))
        names = [n for n in names if n not in DROP]
        rows[code] = [name_vi, name_en, uniq(names, exclude=[name_vi, name_en])]

    # A name shared by two codes is dropped from every row that has it as a
    # variant; a shared primary name is a hard error.
    owners: dict[str, set[str]] = {}
    for code, (nv, ne, vs) in rows.items():
        for n in [nv, ne, *vs]:
            owners.setdefault(fold(n), set()).add(code)
    conflicts = {n: sorted(c) for n, c in owners.items() if len(c) > 1}
    for code, (nv, ne, vs) in rows.items():
        assert fold(nv) not in conflicts and fold(ne) not in conflicts, (code, nv, ne)
        rows[code][2] = [v for v in vs if fold(v) not in conflicts]
    print(f"countries: {len(rows)} codes; names shared by two codes, dropped: "
          + (", ".join(f"{n!r} {'/'.join(c)}" for n, c in sorted(conflicts.items())) or "none"))
    for code, words in COMMON_WORD.items():
        allnames = {fold(x) for x in [rows[code][0], rows[code][1], *rows[code][2]]}
        for w in words:
            assert fold(w) in allnames, (code, w)
    return rows


# ---------------------------------------------------------------------------
# 2. Vietnamese provinces
# ---------------------------------------------------------------------------

# Common writings the packages lack (press usage; "Thừa Thiên Huế" is the
# name the province had until it became the centrally-run city of Huế on
# 1 January 2025, which is how vietnamadminunits' legacy list names it).
PROVINCE_VARIANTS = {
    "Bà Rịa - Vũng Tàu": ["Bà Rịa-Vũng Tàu", "Bà Rịa – Vũng Tàu", "Bà Rịa Vũng Tàu", "BR-VT", "BRVT",
                          "Ba Ria - Vung Tau", "Ba Ria-Vung Tau"],
    "Bắc Kạn": ["Bắc Cạn"],
    "Đắk Lắk": ["Đắc Lắc", "Đắk Lăk", "Đăk Lăk", "Đăk Lắk", "Đắc Lắk", "Daklak", "Đaklak", "Dak Lak"],
    "Đắk Nông": ["Đắc Nông", "Đăk Nông", "Daknong", "Dak Nong"],
    "Đà Nẵng": ["Danang"],
    "Hà Nội": ["Thủ đô Hà Nội", "Hanoi"],
    "Hải Phòng": ["Haiphong"],
    "Hồ Chí Minh": ["TP.HCM", "TPHCM", "TP HCM", "TP. HCM", "Tp.HCM", "HCMC", "Sài Gòn", "Saigon",
                    "Ho Chi Minh City", "Thành phố Sài Gòn"],
    "Huế": ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thừa Thiên-Huế", "Thừa Thiên – Huế", "TT-Huế",
            "TT Huế", "Thua Thien Hue", "Hue City"],
    "Kon Tum": ["Kontum"],
}


def build_provinces(py: Path):
    check_py_version(py, "vietnamadminunits", "vietnamadminunits")
    check_py_version(py, "vietnam_provinces", "vietnam-provinces")
    legacy = read_json(py / "vietnamadminunits" / "data" / "parser_legacy.json")["DICT_PROVINCE"]
    conv = read_json(py / "vietnamadminunits" / "data" / "converter_2025.json")["DICT_PROVINCE"]
    new34 = read_json(py / "vietnam_provinces" / "data" / "nested-divisions.json")

    def short(full: str) -> tuple[str, str]:
        full = vi(full)
        for prefix, kind in (("Thành phố ", "thanh_pho"), ("Tỉnh ", "tinh")):
            if full.startswith(prefix):
                return full[len(prefix):], kind
        raise ValueError(full)

    old = {}  # key -> (name, kind)
    for key, p in legacy.items():
        name, kind = short(p["province"])
        assert name == vi(p["provinceShort"]), (name, p["provinceShort"])
        old[key] = (name, kind)
    new = {}
    for p in new34:
        if p["division_type"] == "thành phố trung ương":
            name, kind = short(p["name"])
            assert kind == "thanh_pho", p
        else:
            assert p["division_type"] == "tỉnh", p
            name, kind = vi(p["name"]), "tinh"
        new[name] = kind
    old_names = {n for n, _ in old.values()}
    print(f"provinces: {len(old_names)} in the old list (vietnamadminunits), "
          f"{len(new)} in the new list (vietnam-provinces)")
    assert len(old) == 63 and len(old_names) == 63, len(old)
    assert len(new) == 34, len(new)

    merged = {}  # old name -> new name
    for newkey, oldkeys in conv.items():
        newname = old[newkey][0]
        assert newname in new, (newkey, newname)
        for k in oldkeys:
            assert k not in merged
            merged[old[k][0]] = newname
    assert set(merged) == old_names, old_names ^ set(merged)
    assert set(merged.values()) == set(new), set(new) ^ set(merged.values())

    rows = {}
    for name in sorted(old_names | set(new), key=sort_key):
        kinds = {k for n, k in old.values() if n == name} | ({new[name]} if name in new else set())
        assert len(kinds) == 1, (name, kinds)
        kind = kinds.pop()
        era = "both" if (name in old_names and name in new) else ("old" if name in old_names else "new")
        into = merged.get(name, "") if era != "new" else ""
        if era == "both":
            assert into == name, (name, into)
        vs = []
        if kind == "thanh_pho":
            vs += [f"Thành phố {name}", f"TP. {name}", f"TP.{name}", f"TP {name}"]
        vs += PROVINCE_VARIANTS.get(name, [])
        if name != "Huế":  # "hue" is an English word
            vs.append(strip_marks(name))
        rows[name] = [kind, era, into, uniq(vs, exclude=[name])]
    assert sum(r[1] in ("old", "both") for r in rows.values()) == 63
    assert sum(r[1] in ("new", "both") for r in rows.values()) == 34
    for n in PROVINCE_VARIANTS:
        assert n in rows, n
    return rows


# ---------------------------------------------------------------------------
# 3. Foreign localities
# ---------------------------------------------------------------------------
# Hand-compiled from public reference pages: the Wikipedia lists (Vietnamese
# and English) of the provincial-level divisions of China, the provinces of
# Laos, the provinces of Cambodia, the provinces and metropolitan cities of
# South Korea, the prefectures of Japan, and the states/regions of the other
# partners; Vietnamese spellings as the Ministry of Foreign Affairs, the
# Vietnam News Agency and the provinces' own reports write them (several are
# taken from shared/corpus/dev: Bolykhămxay, Át-ta-pu, Ăt-ta-pur, Kampôt,
# Kam-pôt, Tà Keo, Xanh Pết-c-bua, Vùng lãnh thổ Bắc Úc, Đông Flanders ...).
# (name_vi, ISO alpha-2, level, [variants]). A prefecture or province that
# shares its name with its capital city (Osaka, Fukuoka, Udon Thani ...) is
# one row that stands for both.

FOREIGN = [
    # --- China: 22 provinces, 5 autonomous regions, 4 municipalities ------
    ("An Huy", "CN", "province", ["Anhui"]),
    ("Cam Túc", "CN", "province", ["Gansu"]),
    ("Cát Lâm", "CN", "province", ["Jilin"]),
    ("Chiết Giang", "CN", "province", ["Zhejiang"]),
    ("Giang Tô", "CN", "province", ["Jiangsu"]),
    ("Giang Tây", "CN", "province", ["Jiangxi"]),
    ("Hà Bắc", "CN", "province", ["Hebei"]),
    ("Hà Nam", "CN", "province", ["Henan"]),
    ("Hải Nam", "CN", "province", ["Hainan", "Đảo Hải Nam"]),
    ("Hắc Long Giang", "CN", "province", ["Heilongjiang"]),
    ("Hồ Bắc", "CN", "province", ["Hubei"]),
    ("Hồ Nam", "CN", "province", ["Hunan"]),
    ("Liêu Ninh", "CN", "province", ["Liaoning"]),
    ("Phúc Kiến", "CN", "province", ["Fujian"]),
    ("Quảng Đông", "CN", "province", ["Guangdong"]),
    ("Quý Châu", "CN", "province", ["Guizhou"]),
    ("Sơn Đông", "CN", "province", ["Shandong"]),
    ("Sơn Tây", "CN", "province", ["Shanxi"]),
    ("Thanh Hải", "CN", "province", ["Qinghai"]),
    ("Thiểm Tây", "CN", "province", ["Shaanxi"]),
    ("Tứ Xuyên", "CN", "province", ["Sichuan"]),
    ("Vân Nam", "CN", "province", ["Yunnan"]),
    ("Quảng Tây", "CN", "region", ["Khu tự trị dân tộc Choang Quảng Tây", "Khu tự trị Choang Quảng Tây",
                                   "Khu tự trị dân tộc Choang, Quảng Tây", "Khu tự trị Quảng Tây",
                                   "Guangxi", "Guangxi Zhuang Autonomous Region"]),
    ("Nội Mông", "CN", "region", ["Nội Mông Cổ", "Khu tự trị Nội Mông", "Khu tự trị Nội Mông Cổ",
                                  "Inner Mongolia", "Nei Mongol"]),
    ("Ninh Hạ", "CN", "region", ["Khu tự trị dân tộc Hồi Ninh Hạ", "Khu tự trị Hồi Ninh Hạ", "Ningxia"]),
    ("Tân Cương", "CN", "region", ["Khu tự trị Duy Ngô Nhĩ Tân Cương", "Khu tự trị dân tộc Duy Ngô Nhĩ Tân Cương",
                                   "Xinjiang"]),
    ("Tây Tạng", "CN", "region", ["Khu tự trị Tây Tạng", "Tibet", "Xizang"]),
    ("Bắc Kinh", "CN", "city", ["Beijing", "Thủ đô Bắc Kinh", "Peking"]),
    ("Thượng Hải", "CN", "city", ["Shanghai"]),
    ("Thiên Tân", "CN", "city", ["Tianjin"]),
    ("Trùng Khánh", "CN", "city", ["Chongqing"]),
    # China: prefectures and cities (county-level ones too) that border
    # provinces partner with, and the large cities.
    ("Hồng Hà", "CN", "prefecture", ["Châu Hồng Hà", "Châu tự trị dân tộc Cáp Nhì, dân tộc Di Hồng Hà",
                                     "Honghe"]),
    ("Văn Sơn", "CN", "prefecture", ["Châu Văn Sơn", "Châu tự trị dân tộc Choang, dân tộc Miêu Văn Sơn",
                                     "Wenshan"]),
    ("Nam Ninh", "CN", "city", ["Nanning"]),
    ("Bằng Tường", "CN", "city", ["Pingxiang"]),
    ("Sùng Tả", "CN", "city", ["Chongzuo"]),
    ("Bách Sắc", "CN", "city", ["Baise"]),
    ("Phòng Thành Cảng", "CN", "city", ["Phòng Thành", "Fangchenggang"]),
    ("Đông Hưng", "CN", "city", ["Dongxing"]),
    ("Khâm Châu", "CN", "city", ["Qinzhou"]),
    ("Bắc Hải", "CN", "city", ["Beihai"]),
    ("Quế Lâm", "CN", "city", ["Guilin"]),
    ("Liễu Châu", "CN", "city", ["Liuzhou"]),
    ("Ngô Châu", "CN", "city", ["Wuzhou"]),
    ("Côn Minh", "CN", "city", ["Kunming"]),
    ("Hà Khẩu", "CN", "city", ["Hekou"]),
    ("Mông Tự", "CN", "city", ["Mengzi"]),
    ("Quảng Châu", "CN", "city", ["Guangzhou"]),
    ("Thâm Quyến", "CN", "city", ["Shenzhen"]),
    ("Đông Hoản", "CN", "city", ["Dongguan"]),
    ("Phật Sơn", "CN", "city", ["Foshan"]),
    ("Chu Hải", "CN", "city", ["Zhuhai"]),
    ("Trạm Giang", "CN", "city", ["Zhanjiang"]),
    ("Sán Đầu", "CN", "city", ["Shantou"]),
    ("Hải Khẩu", "CN", "city", ["Haikou"]),
    ("Tam Á", "CN", "city", ["Sanya"]),
    ("Hạ Môn", "CN", "city", ["Xiamen"]),
    ("Hàng Châu", "CN", "city", ["Hangzhou"]),
    ("Ninh Ba", "CN", "city", ["Ningbo"]),
    ("Nam Kinh", "CN", "city", ["Nanjing"]),
    ("Tô Châu", "CN", "city", ["Suzhou"]),
    ("Vũ Hán", "CN", "city", ["Wuhan"]),
    ("Trường Sa", "CN", "city", ["Changsha"]),
    ("Thành Đô", "CN", "city", ["Chengdu"]),
    ("Tây An", "CN", "city", ["Xi'an", "Xian"]),
    ("Thẩm Dương", "CN", "city", ["Shenyang"]),
    ("Đại Liên", "CN", "city", ["Dalian"]),
    ("Thanh Đảo", "CN", "city", ["Qingdao"]),
    ("Trịnh Châu", "CN", "city", ["Zhengzhou"]),
    ("Cáp Nhĩ Tân", "CN", "city", ["Harbin"]),
    ("Quý Dương", "CN", "city", ["Guiyang"]),
    # --- Taiwan -----------------------------------------------------------
    ("Đài Bắc", "TW", "city", ["Taipei"]),
    ("Tân Bắc", "TW", "city", ["New Taipei"]),
    ("Cao Hùng", "TW", "city", ["Kaohsiung"]),
    ("Đài Trung", "TW", "city", ["Taichung"]),
    ("Đài Nam", "TW", "city", ["Tainan"]),
    ("Đào Viên", "TW", "city", ["Taoyuan"]),
    # --- Laos: 17 provinces + Vientiane Capital ---------------------------
    ("Át-tạ-pư", "LA", "province", ["Át-ta-pư", "Át-ta-pu", "Ăt-ta-pur", "Át Tạ Pư", "Attapư", "Attapeu",
                                     "Attapu", "Attopeu"]),
    ("Bò Kẹo", "LA", "province", ["Bokeo", "Bò Kèo", "Bo Keo"]),
    ("Bô-ly-khăm-xay", "LA", "province", ["Bolykhămxay", "Bolykhamxay", "Bolikhamxay", "Bolikhamsai",
                                          "Bolikhamxai", "Bô Ly Khăm Xay", "Bôlykhămxay", "Bolikhămxay"]),
    ("Chăm-pa-sắc", "LA", "province", ["Chăm-pa-xắc", "Chămpasắc", "Chăm Pa Sắc", "Champasak",
                                       "Champassak", "Champasack"]),
    ("Hủa Phăn", "LA", "province", ["Hủa-phăn", "Houaphanh", "Houaphan", "Huaphan", "Hua Phan"]),
    ("Khăm Muộn", "LA", "province", ["Khăm-muộn", "Khăm Muồn", "Khammouane", "Khammouan", "Khammuan"]),
    ("Luông Nậm Thà", "LA", "province", ["Luông Nặm Thà", "Luổng Nặm Thà", "Luang Namtha", "Luangnamtha",
                                         "Luang Nam Tha"]),
    ("Luông Pha Bang", "LA", "province", ["Luông Phạ Bang", "Luông-pha-bang", "Luang Prabang",
                                          "Luangprabang", "Luang Phabang"]),
    ("Phông Xa Lỳ", "LA", "province", ["Phông-xa-lỳ", "Phông Sa Lỳ", "Phongsaly", "Phongsali"]),
    ("Sê Kông", "LA", "province", ["Sê-kông", "Xê Kông", "Sekong", "Xekong"]),
    ("Xa-la-van", "LA", "province", ["Salavan", "Saravane", "Salavanh", "Sa-la-van", "Xalavan"]),
    ("Xa-van-na-khẹt", "LA", "province", ["Savannakhet", "Savanakhet", "Xavannakhet", "Xa-vẳn-na-khệt",
                                          "Xavẳnnakhệt", "Sa-van-na-khẹt"]),
    ("Xay Nha Bu Ly", "LA", "province", ["Xay-nha-bu-ly", "Xaynhabuly", "Sainyabuli", "Xaignabouli",
                                         "Xayaboury", "Sayaboury", "Xayabury"]),
    ("Xay Sổm Bun", "LA", "province", ["Xay-sổm-bun", "Xaysổmbun", "Xaisomboun", "Xaysomboun", "Saysomboun"]),
    ("Xiêng Khoảng", "LA", "province", ["Xiêng-khoảng", "Xieng Khouang", "Xiangkhouang", "Xiengkhuang"]),
    ("U Đôm Xay", "LA", "province", ["U-đôm-xay", "Ư Đôm Xay", "Oudomxay", "Oudomxai", "Udomxai"]),
    ("Viêng Chăn", "LA", "province", ["Tỉnh Viêng Chăn", "Vientiane", "Vientiane Province", "Viên Chăn"]),
    ("Thủ đô Viêng Chăn", "LA", "prefecture", ["Thủ đô Vientiane", "Thủ đô Viên Chăn", "Vientiane Capital",
                                               "Vientiane City", "Thành phố Viêng Chăn",
                                               "Nakhon Luang Vientiane", "Thủ đô Lào"]),
    # --- Cambodia: 24 provinces + Phnom Penh -------------------------------
    ("Banteay Meanchey", "KH", "province", ["Băn-tia Miên-chây", "Bantây Miên Chây", "Banteay Mean Chey",
                                            "Bantheay Meanchey"]),
    ("Bát-tam-boong", "KH", "province", ["Bắt-tam-boong", "Bát Tam Bang", "Battambang"]),
    ("Kông Pông Chàm", "KH", "province", ["Kông-pông Chàm", "Công-pông Chàm", "Kampong Cham", "Kompong Cham"]),
    ("Kông Pông Chhnăng", "KH", "province", ["Kông-pông Chhnăng", "Kampong Chhnang", "Kompong Chhnang"]),
    ("Kông Pông Xpư", "KH", "province", ["Kông-pông Spư", "Kampong Speu", "Kompong Speu"]),
    ("Kông Pông Thom", "KH", "province", ["Kông-pông Thom", "Kampong Thom", "Kompong Thom"]),
    ("Kam-pốt", "KH", "province", ["Kampốt", "Kampôt", "Kam-pôt", "Kam-pot", "Kampot", "Cam-pốt"]),
    ("Kan-đan", "KH", "province", ["Kanđan", "Kan Đan", "Kandal"]),
    ("Kép", "KH", "province", ["Kep", "Kếp"]),
    ("Koh Kong", "KH", "province", ["Kô Kông", "Kốc Kông"]),
    ("Kra-chê", "KH", "province", ["Krachê", "Kratie", "Kratié", "Cra-chê"]),
    ("Mun-đun-ki-ri", "KH", "province", ["Mun-đôn-ki-ri", "Mondulkiri", "Mondul Kiri", "Mônđônkiri"]),
    ("Oddar Meanchey", "KH", "province", ["Ốt-đô Miên-chây", "Otdar Meanchey", "Oddar Mean Chey"]),
    ("Pailin", "KH", "province", ["Pai-lin", "Pailinh"]),
    ("Phnôm Pênh", "KH", "city", ["Phnom Penh", "Phnôm-pênh", "Phnom-Penh", "Thủ đô Phnôm Pênh",
                                  "Thủ đô Phnom Penh", "Nam Vang"]),
    ("Preah Sihanouk", "KH", "province", ["Xi-ha-núc-vin", "Xihanúcvin", "Sihanoukville", "Prây Xi-ha-núc",
                                          "Kampong Som", "Kông Pông Xom"]),
    ("Preah Vihear", "KH", "province", ["Prê-ăh Vi-hia", "Pre-ah Vi-hia", "Prây Vi-hia"]),
    ("Prây Veng", "KH", "province", ["Prây-veng", "Prey Veng"]),
    ("Pursat", "KH", "province", ["Pô-xát", "Pu-sát", "Pouthisat", "Posat"]),
    ("Ra-ta-na-ki-ri", "KH", "province", ["Ratanakiri", "Rattanakiri", "Ratanakkiri", "Rôtanakiri"]),
    ("Xiêm Riệp", "KH", "province", ["Xiêm Rệp", "Xiêm Riêp", "Siem Reap", "Siêm Riệp"]),
    ("Xtung Treng", "KH", "province", ["Xtừng Treng", "Stung Treng", "Stoeng Treng", "Stưng Treng"]),
    ("Xvây Riêng", "KH", "province", ["Svây Riêng", "Svay Rieng", "Xvay Riêng", "Soài Riêng"]),
    ("Ta-keo", "KH", "province", ["Tà Keo", "Takeo", "Takéo", "Ta Keo"]),
    ("Tbong Khmum", "KH", "province", ["Tbông Khmum", "Tboung Khmum", "Tbaung Khmum", "Tbông Khơ-mum"]),
    # --- South Korea: 9 provinces, 6 metropolitan + 2 special cities -------
    ("Seoul", "KR", "city", ["Xơ-un", "Thủ đô Seoul", "Hán Thành"]),
    ("Busan", "KR", "city", ["Pusan", "Bu-san", "Pu-san"]),
    ("Daegu", "KR", "city", ["Taegu", "Tae-gu", "Đại Khâu"]),
    ("Incheon", "KR", "city", ["Inchon", "In-chơn", "Nhân Xuyên"]),
    ("Gwangju", "KR", "city", ["Kwangju", "Gwang-ju"]),
    ("Daejeon", "KR", "city", ["Taejon", "Dae-jeon", "Đại Điền"]),
    ("Ulsan", "KR", "city", ["Ul-san", "Un-xan"]),
    ("Thành phố tự trị đặc biệt Sejong", "KR", "city", ["Thành phố Sejong", "Sejong City"]),
    ("Gyeonggi", "KR", "province", ["Kyonggi", "Gyeong-gi", "Gyeonggi-do", "Kyunggi"]),
    ("Gangwon", "KR", "province", ["Kangwon", "Gang-won", "Gangwon-do", "Giang Nguyên"]),
    ("Chungcheong Bắc", "KR", "province", ["Bắc Chungcheong", "Chungcheongbuk", "Chungcheongbuk-do",
                                           "North Chungcheong", "Chungbuk"]),
    ("Chungcheong Nam", "KR", "province", ["Nam Chungcheong", "Chungcheongnam", "Chungcheongnam-do",
                                           "South Chungcheong", "Chungnam"]),
    ("Jeolla Bắc", "KR", "province", ["Bắc Jeolla", "Jeollabuk", "Jeollabuk-do", "North Jeolla", "Jeonbuk",
                                      "Chollabuk"]),
    ("Jeolla Nam", "KR", "province", ["Nam Jeolla", "Jeollanam", "Jeollanam-do", "South Jeolla", "Jeonnam",
                                      "Chollanam"]),
    ("Gyeongsang Bắc", "KR", "province", ["Bắc Gyeongsang", "Gyeongsangbuk", "Gyeongsangbuk-do",
                                          "North Gyeongsang", "Gyeongbuk", "Kyongsangbuk", "Kyungsangbuk"]),
    ("Gyeongsang Nam", "KR", "province", ["Nam Gyeongsang", "Gyeongsangnam", "Gyeongsangnam-do",
                                          "South Gyeongsang", "Gyeongnam", "Kyongsangnam", "Kyungsangnam"]),
    ("Jeju", "KR", "province", ["Jeju-do", "Đảo Jeju", "Cheju"]),
    # South Korea: cities
    ("Changwon", "KR", "city", []),
    ("Cheonan", "KR", "city", []),
    ("Cheongju", "KR", "city", []),
    ("Chuncheon", "KR", "city", []),
    ("Gangneung", "KR", "city", []),
    ("Gimhae", "KR", "city", []),
    ("Goyang", "KR", "city", []),
    ("Gumi", "KR", "city", []),
    ("Guri", "KR", "city", []),
    ("Gyeongju", "KR", "city", ["Kyongju"]),
    ("Jeonju", "KR", "city", []),
    ("Mokpo", "KR", "city", []),
    ("Pohang", "KR", "city", []),
    ("Pyeongtaek", "KR", "city", []),
    ("Seongnam", "KR", "city", []),
    ("Suwon", "KR", "city", []),
    ("Wonju", "KR", "city", []),
    ("Yeosu", "KR", "city", []),
    ("Yongin", "KR", "city", []),
    # --- Japan: 47 prefectures ---------------------------------------------
    ("Aichi", "JP", "prefecture", []),
    ("Akita", "JP", "prefecture", []),
    ("Aomori", "JP", "prefecture", []),
    ("Chiba", "JP", "prefecture", []),
    ("Ehime", "JP", "prefecture", []),
    ("Fukui", "JP", "prefecture", []),
    ("Fukuoka", "JP", "prefecture", ["Phu-cư-ô-ca"]),
    ("Fukushima", "JP", "prefecture", ["Phu-cư-si-ma"]),
    ("Gifu", "JP", "prefecture", []),
    ("Gunma", "JP", "prefecture", ["Gumma"]),
    ("Hiroshima", "JP", "prefecture", ["Hi-rô-si-ma"]),
    ("Hokkaido", "JP", "prefecture", ["Hokkaidō", "Hốc-cai-đô", "Bắc Hải Đạo"]),
    ("Hyogo", "JP", "prefecture", ["Hyōgo"]),
    ("Ibaraki", "JP", "prefecture", []),
    ("Ishikawa", "JP", "prefecture", []),
    ("Iwate", "JP", "prefecture", []),
    ("Kagawa", "JP", "prefecture", []),
    ("Kagoshima", "JP", "prefecture", []),
    ("Kanagawa", "JP", "prefecture", []),
    ("Kochi", "JP", "prefecture", ["Kōchi"]),
    ("Kumamoto", "JP", "prefecture", []),
    ("Kyoto", "JP", "prefecture", ["Kyōto", "Ky-ô-tô", "Kioto"]),
    ("Mie", "JP", "prefecture", []),
    ("Miyagi", "JP", "prefecture", []),
    ("Miyazaki", "JP", "prefecture", []),
    ("Nagano", "JP", "prefecture", []),
    ("Nagasaki", "JP", "prefecture", ["Na-ga-xa-ki"]),
    ("Nara", "JP", "prefecture", []),
    ("Niigata", "JP", "prefecture", []),
    ("Oita", "JP", "prefecture", ["Ōita"]),
    ("Okayama", "JP", "prefecture", []),
    ("Okinawa", "JP", "prefecture", ["Ô-ki-na-oa"]),
    ("Osaka", "JP", "prefecture", ["Ōsaka", "Ô-xa-ca"]),
    ("Saga", "JP", "prefecture", []),
    ("Saitama", "JP", "prefecture", []),
    ("Shiga", "JP", "prefecture", []),
    ("Shimane", "JP", "prefecture", []),
    ("Shizuoka", "JP", "prefecture", []),
    ("Tochigi", "JP", "prefecture", []),
    ("Tokushima", "JP", "prefecture", []),
    ("Tokyo", "JP", "prefecture", ["Tōkyō", "Tô-ky-ô", "Tô-ki-ô", "Tokio", "Thủ đô Tokyo"]),
    ("Tottori", "JP", "prefecture", []),
    ("Toyama", "JP", "prefecture", []),
    ("Wakayama", "JP", "prefecture", []),
    ("Yamagata", "JP", "prefecture", []),
    ("Yamaguchi", "JP", "prefecture", []),
    ("Yamanashi", "JP", "prefecture", []),
    # Japan: cities (not the prefecture capitals of the same name)
    ("Asahikawa", "JP", "city", []),
    ("Fukuyama", "JP", "city", []),
    ("Funabashi", "JP", "city", []),
    ("Hachioji", "JP", "city", ["Hachiōji"]),
    ("Hakodate", "JP", "city", []),
    ("Hamamatsu", "JP", "city", []),
    ("Himeji", "JP", "city", []),
    ("Kanazawa", "JP", "city", []),
    ("Kawasaki", "JP", "city", []),
    ("Kitakyushu", "JP", "city", ["Kitakyūshū"]),
    ("Kobe", "JP", "city", ["Kōbe", "Cô-bê"]),
    ("Kurashiki", "JP", "city", []),
    ("Kurume", "JP", "city", []),
    ("Maebashi", "JP", "city", []),
    ("Matsumoto", "JP", "city", []),
    ("Matsuyama", "JP", "city", []),
    ("Mitsuke", "JP", "city", []),
    ("Nagaoka", "JP", "city", []),
    ("Nagoya", "JP", "city", ["Na-gôi-a"]),
    ("Naha", "JP", "city", []),
    ("Sagamihara", "JP", "city", []),
    ("Sakai", "JP", "city", []),
    ("Sapporo", "JP", "city", ["Xáp-pô-rô"]),
    ("Sendai", "JP", "city", []),
    ("Shimonoseki", "JP", "city", []),
    ("Takamatsu", "JP", "city", []),
    ("Takasaki", "JP", "city", []),
    ("Ube", "JP", "city", []),
    ("Utsunomiya", "JP", "city", []),
    ("Yokohama", "JP", "city", ["Y-ô-cô-ha-ma"]),
    # --- Thailand ------------------------------------------------------------
    ("Bangkok", "TH", "city", ["Băng Cốc", "Băng-cốc", "Thủ đô Bangkok", "Krung Thep"]),
    ("Chiang Mai", "TH", "province", ["Chiềng Mai", "Chiangmai"]),
    ("Chon Buri", "TH", "province", ["Chonburi"]),
    ("Khon Kaen", "TH", "province", ["Khôn Kèn", "Khon Ken"]),
    ("Mukdahan", "TH", "province", ["Múc-đa-hản", "Mukđahan"]),
    ("Nakhon Phanom", "TH", "province", ["Na-khon Pha-nôm", "Nakhonphanom", "Nakhon Pha-nôm"]),
    ("Nong Khai", "TH", "province", ["Noọng Khai", "Nỏng Khai", "Nongkhai"]),
    ("Pattaya", "TH", "city", []),
    ("Phuket", "TH", "province", ["Phu-kẹt", "Phúc-kẹt"]),
    ("Sakon Nakhon", "TH", "province", ["Xa-côn Na-khon", "Sakonnakhon"]),
    ("Ubon Ratchathani", "TH", "province", ["U-bon Rát-cha-tha-ni", "Ubon"]),
    ("Udon Thani", "TH", "province", ["U-đon Tha-ni", "U-đôn Tha-ni", "Udonthani", "Uđon Thani"]),
    # --- ASEAN others --------------------------------------------------------
    ("Kuala Lumpur", "MY", "city", ["Cu-a-la Lăm-pơ", "Kuala Lămpơ"]),
    ("Putrajaya", "MY", "city", []),
    ("Johor", "MY", "state", []),
    ("Malacca", "MY", "state", ["Melaka", "Ma-lắc-ca"]),
    ("Penang", "MY", "state", ["Pulau Pinang", "Pênang"]),
    ("Sabah", "MY", "state", []),
    ("Sarawak", "MY", "state", []),
    ("Selangor", "MY", "state", []),
    ("Jakarta", "ID", "city", ["Gia-các-ta", "Giacácta", "Jacácta"]),
    ("Bali", "ID", "province", []),
    ("Bandung", "ID", "city", []),
    ("Surabaya", "ID", "city", ["Xu-ra-bay-a"]),
    ("Manila", "PH", "city", ["Ma-ni-la"]),
    ("Cebu", "PH", "province", ["Xê-bu"]),
    ("Davao", "PH", "city", ["Đa-vao"]),
    ("Quezon City", "PH", "city", ["Thành phố Quezon"]),
    ("Yangon", "MM", "city", ["Y-an-gun", "Yangun", "Rangoon", "Ngưỡng Quang"]),
    ("Mandalay", "MM", "city", ["Man-đa-lay"]),
    ("Naypyidaw", "MM", "city", ["Nay Pyi Taw", "Naypyitaw", "Nây Pi Tô", "Nay-pi-đô"]),
    ("Bandar Seri Begawan", "BN", "city", ["Ban-đa Xê-ri Bê-ga-oan"]),
    # --- United States -------------------------------------------------------
    ("Washington", "US", "city", ["Washington D.C.", "Washington DC", "Oa-sinh-tơn", "Oasinhtơn",
                                  "Thủ đô Washington"]),
    ("New York", "US", "city", ["Niu Oóc", "Niu Yoóc", "Nữu Ước", "New York City", "NYC"]),
    ("San Francisco", "US", "city", ["Xan Phran-xi-xcô", "Cựu Kim Sơn"]),
    ("Seattle", "US", "city", ["Xi-át-tơn", "Xiát-tơn"]),
    ("Los Angeles", "US", "city", ["Lốt An-giơ-lét", "Lốt An-giê-lét"]),
    ("Chicago", "US", "city", ["Si-ca-gô", "Chi-ca-gô"]),
    ("Boston", "US", "city", ["Bô-xtơn"]),
    ("Houston", "US", "city", ["Hiu-xtơn"]),
    ("Philadelphia", "US", "city", []),
    ("Pittsburgh", "US", "city", []),
    ("San Diego", "US", "city", []),
    ("Honolulu", "US", "city", []),
    ("California", "US", "state", ["Ca-li-phoóc-ni-a", "Caliphoócnia", "Cali"]),
    ("Texas", "US", "state", ["Tếch-dát", "Tếchdát"]),
    ("Hawaii", "US", "state", ["Ha-oai", "Haoai"]),
    ("Florida", "US", "state", ["Phlo-ri-đa"]),
    ("Massachusetts", "US", "state", []),
    ("Oregon", "US", "state", []),
    ("Pennsylvania", "US", "state", ["Pen-xin-va-ni-a"]),
    ("Maryland", "US", "state", []),
    ("Alaska", "US", "state", ["A-lát-xca"]),
    # --- Canada --------------------------------------------------------------
    ("Ottawa", "CA", "city", ["Ốt-ta-oa"]),
    ("Toronto", "CA", "city", ["Tô-rôn-tô"]),
    ("Vancouver", "CA", "city", ["Van-cu-vơ"]),
    ("Montreal", "CA", "city", ["Montréal", "Môn-trê-an"]),
    ("Quebec", "CA", "province", ["Québec", "Kê-béc"]),
    ("Ontario", "CA", "province", []),
    ("British Columbia", "CA", "province", ["Bri-tít Cô-lum-bi-a"]),
    ("Alberta", "CA", "province", []),
    # --- France --------------------------------------------------------------
    ("Paris", "FR", "city", ["Pa-ri", "Thủ đô Paris"]),
    ("Lyon", "FR", "city", ["Li-ông", "Lyông"]),
    ("Marseille", "FR", "city", ["Mác-xây", "Mácxây"]),
    ("Toulouse", "FR", "city", ["Tu-lu-dơ"]),
    ("Bordeaux", "FR", "city", ["Boóc-đô"]),
    ("Strasbourg", "FR", "city", ["Xtra-xbua"]),
    ("Montpellier", "FR", "city", []),
    ("Occitanie", "FR", "region", ["Vùng Occitanie", "Occitania"]),
    ("Île-de-France", "FR", "region", ["Ile-de-France", "Vùng Île-de-France", "Vùng Ile-de-France"]),
    ("Normandie", "FR", "region", ["Normandy", "Nooc-măng-đi", "Noóc-măng-đi"]),
    ("Bretagne", "FR", "region", ["Brittany"]),
    ("Auvergne-Rhône-Alpes", "FR", "region", ["Auvergne-Rhone-Alpes"]),
    ("Nouvelle-Aquitaine", "FR", "region", []),
    ("Provence-Alpes-Côte d'Azur", "FR", "region", ["PACA"]),
    ("Hauts-de-France", "FR", "region", []),
    ("Grand Est", "FR", "region", []),
    # --- Germany -------------------------------------------------------------
    ("Berlin", "DE", "city", ["Béc-lin", "Béclin", "Bá Linh", "Thủ đô Berlin"]),
    ("Hamburg", "DE", "city", ["Hăm-buốc", "Hămbuốc"]),
    ("Munich", "DE", "city", ["München", "Muy-ních", "Munchen"]),
    ("Frankfurt", "DE", "city", ["Frankfurt am Main", "Phrăng-phuốc"]),
    ("Leipzig", "DE", "city", ["Lai-xích", "Laixích"]),
    ("Dresden", "DE", "city", ["Đrết-xđen"]),
    ("Cologne", "DE", "city", ["Köln", "Koln"]),
    ("Düsseldorf", "DE", "city", ["Dusseldorf"]),
    ("Stuttgart", "DE", "city", []),
    ("Bavaria", "DE", "state", ["Bayern", "Ba-vi-a"]),
    ("Baden-Württemberg", "DE", "state", ["Baden-Wurttemberg"]),
    ("Brandenburg", "DE", "state", []),
    ("Hesse", "DE", "state", ["Hessen"]),
    ("Lower Saxony", "DE", "state", ["Niedersachsen", "Hạ Saxony"]),
    ("North Rhine-Westphalia", "DE", "state", ["Nordrhein-Westfalen", "Bắc Rhine-Westphalia",
                                               "Bắc Rhein-Westfalen"]),
    ("Saxony", "DE", "state", ["Sachsen", "Xắc-xô-ni"]),
    ("Saxony-Anhalt", "DE", "state", ["Sachsen-Anhalt"]),
    ("Schleswig-Holstein", "DE", "state", []),
    ("Thuringia", "DE", "state", ["Thüringen", "Thuringen"]),
    # --- United Kingdom ------------------------------------------------------
    ("London", "GB", "city", ["Luân Đôn", "Luân-đôn", "Lân-đơn", "Thủ đô London"]),
    ("Manchester", "GB", "city", ["Man-chét-xtơ"]),
    ("Birmingham", "GB", "city", []),
    ("Liverpool", "GB", "city", ["Li-vơ-pun"]),
    ("Edinburgh", "GB", "city", ["Ê-đin-bớc"]),
    ("Scotland", "GB", "region", ["Xcốt-len", "Xcốtlen", "Scốt-len"]),
    ("Wales", "GB", "region", ["Xứ Wales", "Xứ Uên"]),
    ("Northern Ireland", "GB", "region", ["Bắc Ireland", "Bắc Ai-len"]),
    # --- Russia, Belarus, Ukraine ---------------------------------------------
    ("Moscow", "RU", "city", ["Mát-xcơ-va", "Mátxcơva", "Matxcơva", "Moskva", "Mạc Tư Khoa",
                              "Thủ đô Mát-xcơ-va", "Thủ đô Moscow"]),
    ("Saint Petersburg", "RU", "city", ["Xanh Pê-téc-bua", "Xanh Pết-c-bua", "Xanh Pêtécbua", "Xanh Pê-tec-bua",
                                        "St. Petersburg", "St Petersburg", "Sankt-Peterburg", "Sankt Peterburg",
                                        "Saint-Petersburg", "Pê-téc-bua", "Leningrad", "Lê-nin-grát"]),
    ("Vladivostok", "RU", "city", ["Vla-đi-vô-xtốc", "Vlađivôxtốc"]),
    ("Khabarovsk", "RU", "city", ["Kha-ba-rốp-xcơ"]),
    ("Novosibirsk", "RU", "city", ["Nô-vô-xi-biếc", "Nôvôxibiếc"]),
    ("Irkutsk", "RU", "city", ["I-rơ-cút-xcơ", "Iếc-cút"]),
    ("Yekaterinburg", "RU", "city", ["Ekaterinburg", "Ê-ca-tê-rin-bua"]),
    ("Kazan", "RU", "city", ["Ca-dan"]),
    ("Ulyanovsk", "RU", "city", ["U-li-a-nốp-xcơ", "Ulianovsk"]),
    ("Primorsky", "RU", "region", ["Primorye", "Primorsky Krai", "Vùng Primorsky", "Pri-mo-rơ-xki"]),
    ("Tatarstan", "RU", "region", ["Ta-ta-xtan", "Cộng hòa Tatarstan"]),
    ("Bashkortostan", "RU", "region", ["Cộng hòa Bashkortostan", "Bashkiria"]),
    ("Minsk", "BY", "city", ["Min-xcơ", "Minxcơ"]),
    ("Kyiv", "UA", "city", ["Kiev", "Ki-ép", "Kiép", "Ki-ev", "Kiep"]),
    ("Odessa", "UA", "city", ["Odesa", "Ô-đét-xa"]),
    ("Kharkiv", "UA", "city", ["Kharkov", "Khác-cốp"]),
    # --- Australia, New Zealand ------------------------------------------------
    ("Sydney", "AU", "city", ["Xít-ni", "Xítni", "Xít-ny"]),
    ("Melbourne", "AU", "city", ["Men-bơn", "Menbơn"]),
    ("Canberra", "AU", "city", ["Can-bê-ra", "Canbêra"]),
    ("Brisbane", "AU", "city", ["Bri-xbên", "Brisbên"]),
    ("Perth", "AU", "city", ["Pơ-thơ"]),
    ("Adelaide", "AU", "city", ["A-đê-lai", "Ađêlai"]),
    ("Darwin", "AU", "city", ["Đác-uyn", "Đácuyn"]),
    ("Hobart", "AU", "city", []),
    ("New South Wales", "AU", "state", ["NSW", "Niu Xaoth Uên", "Niu Nam Uên", "bang New South Wales"]),
    ("Bang Victoria", "AU", "state", ["Victoria (Úc)", "Victoria State", "Vích-to-ri-a (Úc)"]),
    ("Queensland", "AU", "state", ["Quin-xlen"]),
    ("Western Australia", "AU", "state", ["Tây Úc", "Tây Australia", "Tây Ô-xtrây-li-a"]),
    ("South Australia", "AU", "state", ["Nam Úc", "Nam Australia", "Nam Ô-xtrây-li-a"]),
    ("Tasmania", "AU", "state", ["Tát-xma-ni-a", "Tát-ma-ni-a"]),
    ("Northern Territory", "AU", "region", ["Vùng lãnh thổ Bắc Úc", "Lãnh thổ Bắc Úc", "Bắc Úc",
                                            "Bắc Australia",
                                            "Lãnh thổ Bắc Australia"]),
    ("Australian Capital Territory", "AU", "region", ["Lãnh thổ Thủ đô Úc", "Lãnh thổ Thủ đô Australia"]),
    ("Wellington", "NZ", "city", ["Oen-linh-tơn"]),
    ("Auckland", "NZ", "city", ["Ốc-len", "Ốc-lơn"]),
    # --- Europe, others ----------------------------------------------------------
    ("Brussels", "BE", "city", ["Brúc-xen", "Brúcxen", "Bruxelles", "Brussel", "Bờ-rúc-xen"]),
    ("Antwerp", "BE", "city", ["Antwerpen", "Anvers", "Ăng-vét"]),
    ("Liège", "BE", "city", ["Liege"]),
    ("Đông Flanders", "BE", "province", ["East Flanders", "Oost-Vlaanderen", "Flanders Đông",
                                         "Tỉnh Đông Flanders"]),
    ("Flanders", "BE", "region", ["Vùng Flanders", "Vlaanderen", "Flandre", "Vùng Flandre"]),
    ("Wallonie", "BE", "region", ["Wallonia", "Vùng Wallonie", "Wallonie-Bruxelles", "Wallonie - Bruxelles"]),
    ("Amsterdam", "NL", "city", ["Am-xtéc-đam", "Amxtécđam"]),
    ("Rotterdam", "NL", "city", ["Rốt-téc-đam"]),
    ("The Hague", "NL", "city", ["La Hay", "Den Haag"]),
    ("Rome", "IT", "city", ["Roma", "Rô-ma", "Thủ đô Rome", "Thủ đô Roma"]),
    ("Milan", "IT", "city", ["Milano", "Mi-lan"]),
    ("Como", "IT", "city", []),
    ("Venice", "IT", "city", ["Venezia", "Vơ-ni-dơ"]),
    ("Florence", "IT", "city", ["Firenze", "Phlo-ren-xơ"]),
    ("Naples", "IT", "city", ["Napoli", "Na-pô-li"]),
    ("Turin", "IT", "city", ["Torino"]),
    ("Lombardy", "IT", "region", ["Lombardia", "Vùng Lombardy", "Vùng Lombardia"]),
    ("Tuscany", "IT", "region", ["Toscana"]),
    ("Veneto", "IT", "region", []),
    ("Madrid", "ES", "city", ["Ma-đrít", "Mađrít"]),
    ("Barcelona", "ES", "city", ["Bác-xê-lô-na", "Bácxêlôna"]),
    ("Valencia", "ES", "city", []),
    ("Seville", "ES", "city", ["Sevilla", "Xê-vi-a"]),
    ("Catalonia", "ES", "region", ["Catalunya", "Cataluña", "Ca-ta-lô-ni-a"]),
    ("Andalusia", "ES", "region", ["Andalucía", "Andalucia"]),
    ("Lisbon", "PT", "city", ["Lisboa", "Li-xbon", "Lixbon"]),
    ("Porto", "PT", "city", []),
    ("Prague", "CZ", "city", ["Praha", "Pra-ha", "Thủ đô Praha"]),
    ("Brno", "CZ", "city", ["Bơ-nô"]),
    ("Warsaw", "PL", "city", ["Warszawa", "Vác-sa-va", "Vácsava", "Vacsava"]),
    ("Kraków", "PL", "city", ["Krakow", "Cra-cốp", "Cracốp"]),
    ("Budapest", "HU", "city", ["Bu-đa-pét", "Buđapét"]),
    ("Vienna", "AT", "city", ["Wien", "Thủ đô Viên"]),
    ("Geneva", "CH", "city", ["Genève", "Geneve", "Giơ-ne-vơ", "Giơnevơ"]),
    ("Zurich", "CH", "city", ["Zürich", "Du-rích"]),
    ("Bern", "CH", "city", ["Berne", "Béc-nơ"]),
    ("Stockholm", "SE", "city", ["Xtốc-khôm", "Xtốckhôm"]),
    ("Oslo", "NO", "city", ["Ô-xlô", "Ôxlô"]),
    ("Copenhagen", "DK", "city", ["København", "Cô-pen-ha-ghen", "Côpenhaghen"]),
    ("Helsinki", "FI", "city", ["Hen-xin-ki", "Henxinki"]),
    ("Athens", "GR", "city", ["Athena", "A-ten", "Aten"]),
    ("Istanbul", "TR", "city", ["I-xtan-bun", "Ixtanbun"]),
    ("Ankara", "TR", "city", ["An-ca-ra"]),
    # --- Asia, others --------------------------------------------------------------
    ("Ulaanbaatar", "MN", "city", ["Ulan Bator", "U-lan Ba-to", "Ulan Bato"]),
    ("Astana", "KZ", "city", ["A-xta-na", "Nur-Sultan"]),
    ("Almaty", "KZ", "city", ["An-ma-ty", "Alma-Ata"]),
    ("Tel Aviv", "IL", "city", ["Tel-Aviv", "Ten A-víp"]),
    ("Jerusalem", "IL", "city", ["Giê-ru-xa-lem"]),
    ("New Delhi", "IN", "city", ["Niu Đê-li", "Niu Đêli", "Tân Đề Li"]),
    ("Mumbai", "IN", "city", ["Bombay", "Mum-bai"]),
    ("Kolkata", "IN", "city", ["Calcutta", "Côn-ca-ta"]),
    ("Bengaluru", "IN", "city", ["Bangalore"]),
    ("Chennai", "IN", "city", ["Madras"]),
    ("Hyderabad", "IN", "city", []),
    ("Odisha", "IN", "state", ["Orissa", "Ô-đi-sa"]),
    ("Gujarat", "IN", "state", ["Gu-gia-rát"]),
    ("Kerala", "IN", "state", ["Kê-ra-la"]),
    ("Maharashtra", "IN", "state", []),
    ("Tamil Nadu", "IN", "state", []),
    ("Karnataka", "IN", "state", []),
    ("Andhra Pradesh", "IN", "state", []),
    ("Uttar Pradesh", "IN", "state", []),
    ("West Bengal", "IN", "state", ["Tây Bengal"]),
    ("Bihar", "IN", "state", []),
    ("Dubai", "AE", "city", ["Đu-bai", "Đubai"]),
    ("Abu Dhabi", "AE", "city", ["A-bu Đa-bi", "Abu Đa-bi"]),
    ("Riyadh", "SA", "city", ["Ri-át", "Riát"]),
    ("Doha", "QA", "city", ["Đô-ha"]),
    ("Cairo", "EG", "city", ["Cai-rô", "Cairô"]),
    # --- Americas, others -------------------------------------------------------------
    ("Havana", "CU", "city", ["La Habana", "La Ha-ba-na", "Ha-va-na", "Thủ đô La Habana"]),
    ("Santiago de Cuba", "CU", "province", ["Xan-ti-a-gô đê Cu-ba"]),
    ("Brasília", "BR", "city", ["Brasilia", "Bra-xi-li-a"]),
    ("São Paulo", "BR", "city", ["Sao Paulo", "Xao Pao-lô"]),
    ("Rio de Janeiro", "BR", "city", ["Ri-ô đê Gia-nê-rô"]),
    ("Buenos Aires", "AR", "city", ["Bu-ê-nốt Ai-rét", "Buênốt Airét"]),
    ("Santiago de Chile", "CL", "city", ["Xan-ti-a-gô", "Santiago (Chile)"]),
    ("Mexico City", "MX", "city", ["Thành phố Mexico", "Thành phố Mê-hi-cô", "Ciudad de México"]),
    ("Caracas", "VE", "city", ["Ca-ra-cát"]),
]

# Names that collide with a Vietnamese place name or a common Vietnamese
# word beyond provinces.tsv (which is checked automatically), kept because
# they are the only writing of an important partner: marked `VN`.
FOREIGN_VN_AMBIGUOUS = {
    "Hà Bắc": "former Vietnamese province (1962-1996)",
    "Sơn Tây": "town of Hà Nội, former province",
    "Thanh Hải": "commune names, a personal name",
    "Đông Hưng": "district of Thái Bình",
    "Hà Khẩu": "ward of Hạ Long",
    "Hồng Hà": "the Red River, ward names",
    "Trường Sa": "the Trường Sa (Spratly) islands",
    "Kép": "'kép' = double; Kép, Bắc Giang",
}


def build_foreign(provinces, countries):
    levels = {"province", "state", "prefecture", "city", "region"}
    rows = {}
    for name, cc, level, variants in FOREIGN:
        name = vi(name)
        assert level in levels, (name, level)
        assert cc in countries, (name, cc)
        assert name not in rows, name
        rows[name] = [cc, level, uniq(variants, exclude=[name]), ""]

    # province names and variants
    vn_names = {}
    for pname, (_, _, _, pvs) in provinces.items():
        for n in [pname, *pvs]:
            vn_names[fold(n)] = pname
    country_names = {}
    for code, (nv, ne, cvs, _) in countries.items():
        for n in [nv, ne, *cvs]:
            country_names[fold(n)] = code

    owners: dict[str, str] = {}
    prov_collisions = []
    for name, (cc, level, vs, _) in rows.items():
        for n in [name, *vs]:
            assert fold(n) not in owners, f"{n!r} in both {owners[fold(n)]!r} and {name!r}"
            owners[fold(n)] = name
            assert fold(n) not in country_names, f"{n!r} ({name}) is also a country name of {country_names[fold(n)]}"
            if fold(n) in vn_names:
                prov_collisions.append((n, name, cc, vn_names[fold(n)]))
                rows[name][3] = "VN"
    for n in FOREIGN_VN_AMBIGUOUS:
        assert n in rows, n
        rows[n][3] = "VN"
    print("foreign localities colliding with provinces.tsv names: "
          + ", ".join(f"{n} ({cc} {lname}) = VN {p}" for n, lname, cc, p in prov_collisions))
    print("other VN collisions marked: " + ", ".join(f"{n} ({why})" for n, why in FOREIGN_VN_AMBIGUOUS.items()))
    by_cc: dict[str, int] = {}
    for cc, *_ in rows.values():
        by_cc[cc] = by_cc.get(cc, 0) + 1
    counts = {(c, lv): sum(1 for r in rows.values() if r[0] == c and r[1] == lv)
              for c, lv in [("LA", "province"), ("KH", "province"), ("JP", "prefecture")]}
    assert counts[("LA", "province")] == 17 and counts[("KH", "province")] == 24, counts
    assert counts[("JP", "prefecture")] == 47, counts
    assert sum(1 for r in rows.values() if r[0] == "KR" and r[1] == "province") == 9
    assert sum(1 for n, r in rows.items() if r[0] == "CN" and r[1] in ("province", "region")) == 27
    print("foreign localities by country: " + " ".join(f"{c}:{n}" for c, n in sorted(by_cc.items())))
    return rows, prov_collisions


# ---------------------------------------------------------------------------
# Writing and checking
# ---------------------------------------------------------------------------

HEADERS = {
    "countries.tsv": [
        "Countries and territories by ISO 3166-1 alpha-2 code: code, name_vi, name_en, variants",
        "(|-separated extra names, Vietnamese and English spellings, abbreviations), common_word",
        "(the row's names that, lowercased, are also ordinary words: match them capitalized only).",
        "Every assigned ISO 3166-1 alpha-2 code, plus XK (Kosovo, user-assigned); no EU/UN/regions.",
        "Sources: npm cldr-localenames-full@48.2.0 (main/{vi,en}/territories.json; Unicode-3.0)",
        "and npm i18n-iso-countries@7.14.0 (codes.json, langs/{vi,en}.json; MIT); extra variants",
        "hand-written in scripts/gazetteers/generate.py from the Vietnamese Wikipedia list of",
        "country names and Vietnamese foreign-affairs reporting (ngoaivu team, MIT).",
        "A name shared by two codes is dropped. Vietnamese in NFC, tone on the first vowel of",
        "final oa/oe/uy (hòa, Thụy).",
    ],
    "provinces.tsv": [
        "Vietnamese provinces and centrally-run cities: name (short, without Tỉnh/Thành phố), kind",
        "(tinh|thanh_pho), era (old: one of the 63 before the 2025 merger only; new: one of the 34",
        "after it only; both), merged_into (the 2025 province it is part of; itself for both),",
        "variants (|-separated common writings).",
        "Huế: vietnamadminunits' list of the 63 already names it Thành phố Huế (centrally run",
        "since 1 January 2025); its former name Thừa Thiên Huế is a variant.",
        "Sources: PyPI vietnamadminunits==1.0.4 (data/parser_legacy.json DICT_PROVINCE, the 63;",
        "data/converter_2025.json DICT_PROVINCE, the merger; MIT) and PyPI vietnam-provinces==2025.10.1",
        "(data/nested-divisions.json, the 34; no license declared, names from the General",
        "Statistics Office of Viet Nam); variants hand-written in scripts/gazetteers/generate.py",
        "(ngoaivu team, MIT).",
    ],
    "foreign_localities.tsv": [
        "Foreign localities Vietnamese provinces partner with: name_vi, country_code (ISO 3166-1",
        "alpha-2), level (province|state|prefecture|city|region), variants (|-separated), ambiguous",
        "(VN where a name is also a Vietnamese place name or word: match it only with a foreign",
        "context, e.g. 'tỉnh Hà Nam (Trung Quốc)'). A prefecture/province named like its capital",
        "(Osaka, Fukuoka, Udon Thani) is one row for both.",
        "Hand-compiled in scripts/gazetteers/generate.py (ngoaivu team, MIT) from public reference",
        "pages: Wikipedia lists of the provinces of China, Laos, Cambodia and South Korea, the",
        "prefectures of Japan, and states/regions of other partners; Vietnamese spellings as the",
        "Ministry of Foreign Affairs, the Vietnam News Agency and provincial reports write them.",
    ],
}


def write_tsv(name: str, columns: list[str], rows: list[list[str]]) -> Path:
    path = DATA / name
    lines = [f"# {h}" for h in HEADERS[name]]
    lines.append(f"# Generated by scripts/gazetteers/generate.py; regenerate with: {REGEN}")
    lines.append("# " + "\t".join(columns))
    for r in rows:
        lines.append("\t".join(r))
    text = unicodedata.normalize("NFC", "\n".join(lines) + "\n")
    path.write_text(text, encoding="utf-8")
    return path


def check_tsv(path: Path, ncols: int, key_col: int, name_cols: list[int], variant_col: int) -> int:
    """Re-read a written file and check it: returns the row count."""
    text = path.read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", text), f"{path}: not NFC"
    keys, names, n = [], {}, 0
    for i, line in enumerate(text.split("\n")[:-1], 1):
        if line.startswith("#"):
            continue
        n += 1
        cols = line.split("\t")
        assert len(cols) == ncols, f"{path}:{i}: {len(cols)} columns"
        for c in cols:
            assert c == c.strip() and "  " not in c, f"{path}:{i}: spaces in {c!r}"
            m = OLD_TONE.search(c)
            assert not m, f"{path}:{i}: old-style tone in {c!r}"
        keys.append(cols[key_col])
        row_names = [cols[j] for j in name_cols]
        row_names += [v for v in cols[variant_col].split("|") if v]
        assert all(row_names[: len(name_cols)]), f"{path}:{i}: empty name"
        seen_here = set()
        for v in row_names:
            f = fold(v)
            assert f not in names, f"{path}:{i}: {v!r} also in row {names[f]!r}"
            seen_here.add(f)
        for f in seen_here:
            names[f] = cols[key_col]
    assert len(keys) == len(set(keys)), f"{path}: duplicate keys"
    assert keys == sorted(keys, key=sort_key), f"{path}: not sorted"
    return n


def check_all() -> dict[str, int]:
    counts = {
        "countries.tsv": check_tsv(DATA / "countries.tsv", 5, 0, [1, 2], 3),
        "provinces.tsv": check_tsv(DATA / "provinces.tsv", 5, 0, [0], 4),
        "foreign_localities.tsv": check_tsv(DATA / "foreign_localities.tsv", 5, 0, [0], 3),
    }
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--py", default=os.environ.get("GAZ_PY", "/tmp/gaz/py"),
                    help="pip --target dir with vietnamadminunits and vietnam-provinces")
    ap.add_argument("--npm", default=os.environ.get("GAZ_NPM", "/tmp/gaz/npm/node_modules"),
                    help="node_modules dir with cldr-localenames-full and i18n-iso-countries")
    ap.add_argument("--check", action="store_true", help="only check the checked-in files")
    args = ap.parse_args()

    if not args.check:
        py, npm = Path(args.py), Path(args.npm)
        countries = build_countries(npm)
        for code, words in COMMON_WORD.items():
            countries[code].append("|".join(vi(w) for w in words))
        for code, r in countries.items():
            if len(r) == 3:
                r.append("")
        provinces = build_provinces(py)
        foreign, _ = build_foreign(provinces, countries)

        # cross-file: a province name must not be a country name
        cnames = {fold(n): c for c, (a, b, vs, _) in countries.items() for n in [a, b, *vs]}
        for p, (_, _, _, vs) in provinces.items():
            for n in [p, *vs]:
                assert fold(n) not in cnames, f"province {n!r} is also a country name ({cnames[fold(n)]})"

        write_tsv("countries.tsv", ["code", "name_vi", "name_en", "variants", "common_word"],
                  [[c, a, b, "|".join(vs), cw] for c, (a, b, vs, cw) in sorted(countries.items())])
        write_tsv("provinces.tsv", ["name", "kind", "era", "merged_into", "variants"],
                  [[n, k, e, m, "|".join(vs)] for n, (k, e, m, vs) in provinces.items()])
        write_tsv("foreign_localities.tsv", ["name_vi", "country_code", "level", "variants", "ambiguous"],
                  [[n, cc, lv, "|".join(vs), amb]
                   for n, (cc, lv, vs, amb) in sorted(foreign.items(), key=lambda kv: sort_key(kv[0]))])
    counts = check_all()
    print("checked: " + ", ".join(f"src/data/{f} {n} rows" for f, n in counts.items()))


if __name__ == "__main__":
    main()
