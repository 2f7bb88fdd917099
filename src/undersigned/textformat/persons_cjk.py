"""Persons in Chinese and Japanese lists: "氏名(所属・役職)", a name and, in parentheses, the
body the person belongs to and their office in it ("山田花子(日本平和協会・理事長)").

Without capitals or spaces the name is told by its length and its end: two to six
characters, not ending like the name of a body (会, 党, 大学, 協会, …). The parenthesis is
read as the affiliation: offices at the end of a part are removed ("…大学名誉教授" -> "…大学"),
and a part that is only a profession, a seat in an assembly or a generic kind of body
(弁護士, 市議会議員, NPO法人) gives no affiliation.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NAME = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々ー]{2,6}")
_KATAKANA = re.compile(r"[\u30a0-\u30ffー]+")
# How the names of bodies end: a person's name does not.
_BODY_ENDINGS = (
    "会", "党", "団", "社", "所", "院", "校", "大学", "局", "省", "庁", "室", "館", "盟",
    "連", "組合", "連合", "協会", "ネット", "センター", "法人", "銀行", "寺", "教会", "部",
    "労", "協", "委", "網", "群", "隊", "軍", "府", "県", "区", "會", "連帯", "陣線",
    "平台", "基金", "联盟", "聯盟", "协会", "協會", "中心", "工会", "工會",
)  # fmt: skip
# Offices held in a body: removed from the end of the part that names it. Longest first, so
# that "名誉理事" goes before "理事" would leave "名誉".
_OFFICE_TEXT = """事務局次長 次長
        代表世話人 共同代表 代表 名誉教授 准教授 教授 編集長 理事長 名誉理事 理事 書記長
        事務局長 局長 副会長 会長 委員長 議長 社長 所長 院長 医師 牧師 無任所 特執 会員 役員
        世話人 顧問 幹事 部長 課長 室長 校長 学長 研究員 講師 職員 組合員 委員 主席 主任
        書記 執行委員 常任委員 負責人 召集人 发言人 發言人 秘书长 秘書長 会员 成员 成員
        院士 理事長 董事長 董事长 執行長 执行长 會長 主席 副主席"""
_OFFICES = tuple(sorted(_OFFICE_TEXT.split(), key=len, reverse=True))
# A part ending so names a profession or a seat, not a body: dropped whole ("演劇研究者",
# "元市会議員").
_PROFESSION_TEXT = """弁護士 研究者 作家 歌人 音楽家 エディター ジャーナリスト 議員 記者 詩人
    画家 写真家
    評論家 翻訳家 映画監督 律师 律師 学者 作者 自営業 会社員 主婦 学生 無職 年金生活者
    學者 作家 導演 导演 醫師 记者 記者"""
_PROFESSIONS = tuple(_PROFESSION_TEXT.split())
# Kinds of body that name none: "NGO役員" is an officer of some NGO.
_GENERIC_TEXT = "NGO NPO NPO法人 社会福祉法人 一般社団法人 公益社団法人 法人"
_GENERIC = frozenset(_GENERIC_TEXT.split())
_FORMER = ("元", "前")  # "元参院議員", "前書記長": former, previous
_CLAUSES = re.compile(r"[、，,;；/／]")
# The head of a branch keeps the branch: "…組合江東支部長" is an officer of "…組合江東支部".
_BRANCH_HEADS = ("支部長", "本部長", "支局長")
# An address: units of the administration, each a few characters and a suffix (都道府県, 市,
# 郡, 区, 町, 村; 省, 县 in Chinese), then maybe a locality ("東京都町田市広袴", "葛飾区立石").
# No digits: "東京20区" is an electoral district, which people name as their group.
_PLACE = re.compile(
    r"(?:[\u4e00-\u9fff々ヶケ]{1,5}?[都道府県市郡区町村省县縣])+[\u4e00-\u9fff々ヶケ]{0,3}"
)
_UNITS = "都道府県市郡区町村省县縣"


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def is_cjk_person_name(text: str) -> bool:
    """ "山田花子", "いとう正敏", "山田 花子": two to six Chinese or Japanese characters (a
    space may part the family name from the given name) not ending like a body's name."""
    family, space, given = text.replace("\u3000", " ").partition(" ")
    if space and family and given and " " not in given:
        text = family + given
    return _NAME.fullmatch(text) is not None and not text.endswith(_BODY_ENDINGS)


def is_cjk_place(clause: str) -> bool:
    """ "東京都清瀬市", "北海道札幌市手稲区", "葛飾区立石": where the person lives, no body.
    A locality after the units must not end like a body's name ("江東区労協")."""
    clause = clause.strip()
    if _PLACE.fullmatch(clause) is None:
        return False
    return clause[-1] in _UNITS or not clause.endswith(_BODY_ENDINGS)


def abbreviates(short: str, long: str) -> bool:
    """Whether short's characters come, in order, in long: "全労連" in "全国労働組合総連合"."""
    position = 0
    for char in short:
        position = long.find(char, position) + 1
        if position == 0:
            return False
    return True


def cjk_affiliation(content: str) -> str | None:
    """The body a "(所属・役職)" parenthesis names, without the offices; None when it holds
    only professions, seats or offices. The first clause that names one counts."""
    for clause in _CLAUSES.split(content):
        if is_cjk_place(clause):
            continue
        kept = [body for piece in _pieces(clause) if (body := _body(piece))]
        if kept:
            return "・".join(kept)
    return None


def _pieces(clause: str) -> list[str]:
    """The clause split at "・", but a word of katakana written in two ("パンフレット・
    エディター") stays whole."""
    pieces: list[str] = []
    for piece in clause.split("・"):
        piece = piece.strip()
        if pieces and _KATAKANA.fullmatch(piece) and _KATAKANA.fullmatch(pieces[-1]):
            pieces[-1] = f"{pieces[-1]}・{piece}"
        else:
            pieces.append(piece)
    return pieces


def _body(piece: str) -> str | None:
    if piece.endswith(_PROFESSIONS):
        return None
    if piece.endswith(_BRANCH_HEADS):
        return piece[:-1]
    held = piece
    stripped = True
    while stripped and piece:
        stripped = False
        for office in _OFFICES:
            if piece.endswith(office):
                piece, stripped = piece[: -len(office)], True
                # "前書記長": the "former" before the office goes with it.
                piece = piece.removesuffix(_FORMER[0]).removesuffix(_FORMER[1])
                break
    if piece != held:  # "元…教授": the former office's mark, only where an office was
        piece = piece.removeprefix(_FORMER[0]).removeprefix(_FORMER[1]).strip()
    return piece if piece and piece not in _GENERIC else None


def name_before_own_office(text: str) -> tuple[str, str] | None:
    """ "山田花子山田花子法律事務所": a person's name, then the office named after them, with
    nothing between (name, office); None otherwise."""
    for size in range(2, 6):
        name, rest = text[:size], text[size:]
        if rest.startswith(name) and len(rest) > size and is_cjk_person_name(name):
            return name, rest
    return None
