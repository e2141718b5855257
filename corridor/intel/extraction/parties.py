"""Who gives and who gets: funders (governments, ministries, agencies, companies that
invest), recipients (companies) and programs ("the Ontario Automotive Modernization
Program (O-AMP)", "Canada's Strategic Innovation Fund")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from corridor.intel.extraction.jurisdictions import mentions

_CAP = r"(?:[A-Z\u00c0-\u00dd][\w&'\u2019.\-]*|\d+[A-Z][\w-]*)"
_CONNECT = r"(?:of|and|for|de|du|des|la|le|the|&|y|del|en|on|in)"
_LEGAL = r"(?:Inc|Ltd|Limited|Corp|Co|LLC|S\.A|N\.V|inc|ltée|lt[eé]e|limitée|S\.A\.\s+de\s+C\.V)"
NAME = rf"{_CAP}(?:\s+(?:{_CONNECT}\s+){{0,2}}{_CAP})*(?:,?\s+{_LEGAL}\.?)?"
_NAME_RE = re.compile(NAME)
_LEADING = re.compile(
    r"^(?:The|This|That|Today|Yesterday|On|In|At|Under|Through|With|And|But|Also|Meanwhile|"
    r"Together|Since|To\s+date|Last|Next|Earlier|Once|When|Minister|Premier|Mayor|According\s+to|"
    r"As|For|By|Now|Canadian|(?:[A-Z][\w'.]*\s+){0,3}[A-Z][\w'.]*-based)\s+",
)
_GOVERNMENT = re.compile(
    r"(?:(?:the\s+)?(?:[Gg]overnment|[Gg]ouvernement|[Gg]obierno|[Pp]rovince|[Ss]tate|Commonwealth|"
    r"City|Town|Township|Region|County|Municipality|Regional\s+Municipality|Ville|Municipalit[ée])"
    r"\s+(?:of|du|de|de\s+la)\s+(?:the\s+)?" + _CAP + r"(?:\s+" + _CAP + r")*"
    r"|(?:the\s+)?"
    + _CAP
    + r"(?:\s+"
    + _CAP
    + r")?(?:'s)?\s+(?:provincial\s+|state\s+|federal\s+)?"
    r"government"
    r"|(?:the\s+)?(?:federal|provincial|state|municipal|city|Liberal|Conservative)\s+government"
    r"|(?:the\s+)?"
    + _CAP
    + r"(?:\s+"
    + _CAP
    + r")?\s+(?:(?:city|town|county|regional|township)\s+)?council"
    r"|(?:the\s+)?(?:federal|provincial|state)\s+budget"
    r"|(?:the\s+)?" + _CAP + r"(?:\s+" + _CAP + r")?\s+(?:lawmakers|legislature|legislators)"
    r"|(?:le\s+|du\s+)?gouvernement\s+(?:du\s+Québec|du\s+Canada|fédéral|de\s+l'Ontario)"
    r"|(?:the\s+)?province|(?:the\s+)?Province"
    r"|(?:the\s+|The\s+)state(?=\s+(?:plans|will|would|is|has|had|approved|announced|awarded|"
    r"offered|agreed|committed|pledged|provided|invested|intends|expects\s+to\s+(?:spend|provide)))"
    r"|(?:the\s+)?(?:Ministry|Ministère|Department|Secretar[ií]a)\s+(?:of|de|du|des)\s+"
    r"[\w,'\u00c0-\u00ff ]+?(?=\s+(?:is|will|has|announced|said|to|through|provid|invest|"
    r"and(?!\s+[A-Z][\w'-]+\s+[A-Z][\w'-]+)|(?!(?:of|and|for|the|de|du|des|la|et|on|l')\b)[a-z]|"
    r"commit|(?:for|in|on|at|with)\s+[a-z])|[,.;(]|$)"
    r"|Ottawa(?=\s+(?:is|will|has|and|announced|commit|invest|provid|contribut|pledg|put))"
    r"|Queen's\s+Park(?=\s+(?:is|will|has|and|announced|commit|invest|provid|contribut|pledg)))",
)
_PROGRAM_END = (
    r"(?:Program|Programme|program|fund|Fund|Initiative|Strategy|Stream|Plan|Fonds|Programa|Act|Credits|Credit|"
    r"Challenge|Partnership|Network|Reserve|Incentive|Accelerator|Grant|Loan)"
)
_PROGRAM = re.compile(
    rf"(?P<name>(?:\d{{4}}\s+)?(?:{_CAP}\s+(?:(?:of|for|and|de|du|des|la|pour|&|the|on)\s+)*)*?{_CAP}?\s*{_PROGRAM_END}"
    rf"(?:\s+(?:for|of)\s+(?:the\s+|a\s+|an\s+)?{_CAP}(?:\s+{_CAP})*)?(?:\s+\d{{4}})?)"
    r"(?![\w-]|\s+[A-Z][a-z])"
    r"(?:\s*\((?P<acronym>[A-Z][\w\-&.]{1,14})\))?"
)
_ACRONYM_DEF = re.compile(rf"(?P<name>{NAME})\s*\((?P<acronym>[A-Z][A-Za-z\-&.]{{1,14}})\)")
_COMPANY_WORDS = re.compile(
    r"\b(?:Inc|inc|ltée|Ltée|Ventures|Capital|Partners|Ltd|Limited|Corp|Corporation|Company|Co|LLC|L\.L\.C|LP|GmbH|AG|S\.A|SA|N\.V|"
    r"plc|Group|Holdings|Technologies|Technology|Manufacturing|Industries|Industrial|Automotive|"
    r"Motors?|Systems|Solutions|Energy|Materials|Metals|Plastics|Components|Products|Mobility|"
    r"Electric|Battery|Batteries|Canada|Tool|Tooling|Machining|Precision|Robotics|Engineering|"
    r"Enterprises|Labs|Dynamics|Steel|Aluminum|Chemical|Power|Assembly|Works|International)\b\.?"
)
_INVEST_VERB = re.compile(
    r"\b(?:is|are|was|were|will|has|have|had|would|plans?\s+to|intends?\s+to|promis(?:ed|es|e)\s+to|"
    r"agree[ds]?\s+to|expects?\s+to|aims?\s+to|pledged\s+to|announced(?:\s+(?:today|on\s+\w+day|this\s+week))?(?:\s+(?:it|"
    r"that\s+it|that\s+they|plans\s+to|that))?(?:\s+will)?|today|recently|also|further|officially|"
    r"(?:is|are)\s+(?:also\s+)?(?:set|going|proud)\s+to|committed\s+to)?\s*"
    r"(?:invest(?:ing|ed|s)?|committ?(?:ing|ed|s)?|contribut(?:ing|ed|es|e)|provid(?:ing|ed|es|e)|"
    r"spend(?:ing|s)?|spent|pour(?:ing|ed|s)?|put(?:ting|s)?|allocat(?:ing|ed|es|e)|award(?:ing|ed|s)?|"
    r"grant(?:ing|ed|s)?|pledg(?:ing|ed|es|e)|announc(?:ing|ed|es|e)|approv(?:ing|ed|es|e)|"
    r"earmark(?:ing|ed|s)?|offer(?:ing|ed|s)?|giv(?:e|es|ing)|gave|waiv(?:e|es|ing|ed)|accord(?:e|s)?|"
    r"lend(?:ing|s)?|lent|fund(?:ing|ed|s)?|back(?:ing|ed|s)?|"
    r"support(?:ing|ed|s)?|injec(?:ting|ted|ts)|set(?:ting)?\s+aside|dedicat(?:ing|ed|es|e)|"
    r"unveil(?:ing|ed|s)?|launch(?:ing|ed|es)?|receiv(?:ing|ed|es|e)|secur(?:ing|ed|es|e)|"
    r"rais(?:ing|ed|es|e)|build(?:ing|s)?|expand(?:ing|ed|s)?|investir|investit|investira|"
    r"octroie|accorde|annonce|invertirá|invertir|invierte)\b",
    re.IGNORECASE,
)
_RECEIVE = re.compile(
    r"\b(?:will\s+receive|receives|received|is\s+receiving|has\s+received|gets|got|has\s+been\s+"
    r"awarded|was\s+awarded|will\s+get|secured|has\s+secured|raised|has\s+raised|is\s+getting|"
    r"won|obtains?|recevra|reçoit|recibirá|(?:has\s+)?closed|(?:has\s+)?completed|"
    r"(?:was|were|has\s+been|have\s+been|is|are)\s+approved(?:\s+\w+day)?\s+for|"
    r"won\s+(?:state\s+|final\s+)?approval\s+for|lands?|landed|qualif(?:ies|ied|y)\s+for|"
    r"(?:is|was|will\s+be|are|were)\s+eligible\s+for)\b",
    re.IGNORECASE,
)
_NOT_NAMES = re.compile(
    r"^(?:The|A|An|This|That|These|It|We|Our|Their|His|Her|Its|They|He|She|I|In|On|At|For|"
    r"By|With|As|If|When|While|Once|Since|To|From|Of|And|But|Or|Today|Yesterday|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December|Mr|Mrs|Ms|Dr|Minister|Premier|Mayor|"
    r"President|CEO|Chair|Under|Through|Also|However|Meanwhile|Phase|Budget|Government|"
    r"Funding|Investment|Investments|Support|Canadian|American|Mexican|Federal|Provincial|"
    r"Pending|Subject|Including|Together|Combined|Both|Each|All|Every|Some|More|Most|Other)$"
)


@dataclass(frozen=True, slots=True)
class Party:
    text: str
    start: int
    end: int


def clean_name(name: str) -> str:
    name = re.sub(r"^(?:and|&)\s+", "", name.strip(" ,;:-'\""))
    if name.endswith(".") and not re.search(
        r"\b(?:Inc|Ltd|Co|Corp|inc|ltée|S\.A|N\.V|C\.V|St)\.$", name
    ):
        name = name[:-1]
    name = re.sub(r"'s$|\u2019s$", "", name)
    # "Ford Motor Company on Monday": the day is not part of the name.
    name = re.sub(
        r"\s+(?:on|in|this|last|next|since)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|"
        r"November|December)\b.*$",
        "",
        name,
    )
    previous = None
    while previous != name:
        previous = name
        name = _LEADING.sub("", name)
    return name.strip(" ,")


def names(text: str) -> list[Party]:
    """Capitalised name phrases (companies, governments, programs)."""
    result = []
    for match in _NAME_RE.finditer(text):
        pieces = [(match.group(0), match.start())]
        if len(match.group(0).split()) > _LONGEST_NAME:  # a run of names joined by "and"
            pieces = [
                (piece.group(0), match.start() + piece.start())
                for piece in re.finditer(r"(?:(?!\s(?:and|&)\s).)+", match.group(0))
            ]
        for raw, start in pieces:
            cleaned = clean_name(raw)
            if not cleaned or _NOT_NAMES.match(cleaned) or len(cleaned) < 2:
                continue
            offset = start + raw.find(cleaned) if cleaned in raw else start
            result.append(Party(cleaned, offset, offset + len(cleaned)))
    return result


_LONGEST_NAME = 9


def governments(sentence: str) -> list[Party]:
    found = []
    for match in _GOVERNMENT.finditer(sentence):
        text = re.sub(r"^the\s+", "", match.group(0).strip(), flags=re.IGNORECASE).strip(" ,")
        if text.endswith(".") and not re.search(r"\b[A-Z]\.[A-Z]?\.?$", text):
            text = text[:-1]  # "the Town of Blythewood." ends the sentence
        if re.match(r"(?:This|That|Our|Their|Its|No|Any|Every)\b", text):
            continue
        found.append(Party(text, match.start(), match.end()))
    return found


def agencies(sentence: str) -> list[Party]:
    """Named funding bodies (NGen, MEDC, JobsOhio, Investissement Québec, ...)."""
    from corridor.intel.extraction.jurisdictions import jurisdictions

    found = []
    for jurisdiction in jurisdictions():
        for match in jurisdiction.patterns["agencies"].finditer(sentence):
            word = match.group(0)
            if len(word) <= 4 and word == word.lower():
                continue
            found.append(Party(word, match.start(), match.end()))
    return sorted(found, key=lambda p: p.start)


def programs(sentence: str, acronyms: dict[str, str]) -> list[Party]:
    found: list[Party] = []
    for match in _PROGRAM.finditer(sentence):
        name = clean_name(match.group("name"))
        name = re.sub(r"^(?:next\s+phase\s+of\s+(?:the\s+)?)", "", name)
        if not name or (len(name.split()) < 2 and not match.group("acronym")):
            continue
        if re.fullmatch(r"(?:\d{4}\s+)?" + _PROGRAM_END, name):
            continue
        if _NOT_NAMES.match(name.split()[0]) and len(name.split()) < 3:
            continue
        acronym = match.group("acronym")
        text = f"{name} ({acronym})" if acronym else name
        found.append(Party(text, match.start(), match.end()))
    for acronym, name in acronyms.items():
        if not re.search(_PROGRAM_END + r"\b", name):
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(acronym)}(?![\w-])", sentence):
            if not any(p.start <= match.start() < p.end for p in found):
                found.append(Party(f"{name} ({acronym})", match.start(), match.end()))
    return sorted(found, key=lambda p: p.start)


def acronyms(text: str) -> dict[str, str]:
    """Acronyms a document defines: "Ontario Automotive Modernization Program (O-AMP)"."""
    result: dict[str, str] = {}
    for match in _ACRONYM_DEF.finditer(text):
        name = clean_name(match.group("name"))
        acronym = match.group("acronym")
        letters = "".join(ch for ch in acronym if ch.isalpha()).upper()
        initials = "".join(w[0] for w in name.split() if w[:1].isupper()).upper()
        if letters and (letters[0] == initials[:1] or letters in initials or initials in letters):
            result.setdefault(acronym, name)
    return result


# Local bodies that receive money as a company would: "awarded Spartanburg County a grant".
LOCAL_BODY = re.compile(
    r"\b(?:County|Counties|counties|Township|City|Town|Village|College|University|School\s+Board|"
    r"Port\s+Authority)\b"
)


def is_company(name: str) -> bool:
    """Could this name be a company (not a government, a place or a program)?"""
    if _GOVERNMENT.fullmatch(name) or re.search(rf"\b{_PROGRAM_END}\b", name):
        return False
    if re.search(r"\b(?:Government|Ministry|Minister|Department|Agency|Premier|Province)\b", name):
        return False
    if _COMPANY_WORDS.search(name):
        return True
    named = mentions(name, ("places", "governments", "agencies"))
    return not named


_SAID_THAT = re.compile(
    r"\s+(?:announced|said|says|confirmed|announces)(?:\s+(?:today|on\s+\w+day|this\s+week))?"
    r"\s+(?:that\s+)?(?:it|they)\s*$"
)


def subject_before(sentence: str, position: int) -> Party | None:
    """The name right before the verb that leads to ``position`` ("NGen has invested $148M")."""
    head = sentence[:position]
    # "Fund", "Support" and "Investment" in a name are not verbs.
    verbs = [
        v
        for v in _INVEST_VERB.finditer(head)
        if not v.group(0).strip()[:1].isupper() or v.start() == 0
    ]
    if not verbs:
        return None
    verb = verbs[-1]
    before = head[: verb.start()]
    # "Acme and Bolt announced today that they will invest": the subject said it.
    before = _SAID_THAT.sub("", before)
    known = agencies(before)
    candidates = governments(before) + known
    candidates += [
        p
        for p in names(before)
        if not _PROGRAM_END_RE.search(p.text) or any(k.start <= p.start < k.end for k in known)
    ]
    candidates = [
        c
        for c in candidates
        if before[c.end :].strip(" ,") == "" or _CLOSE.fullmatch(before[c.end :])
    ]
    if not candidates:
        return None
    chosen = max(candidates, key=lambda p: (p.end, p.end - p.start))
    for other in sorted(candidates, key=lambda p: -p.end):
        if other.end <= chosen.start and _ASIDE.fullmatch(
            before[other.end : chosen.end] + before[chosen.end :]
        ):
            return other  # "The Town, in partnership with the County, has committed"
    return chosen


_APPOSITIVE = re.compile(
    r"\s*,\s*(?:an?|the)\s+[^,]{0,80},\s*(?:today\s+|recently\s+)?(?:announced\s+(?:that\s+)?"
    r"(?:it\s+)?)?(?:has\s+|had\s+)?"
)
_ASIDE = re.compile(
    r",\s*(?:in\s+partnership\s+with|together\s+with|along\s+with|with\s+support\s+from|"
    r"alongside|joined\s+by|with)\s+[^,]+,\s*",
    re.IGNORECASE,
)


_PROGRAM_END_RE = re.compile(rf"\b{_PROGRAM_END}\b")
_CLOSE = re.compile(
    r"(?:'s|,|\s|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|today|"
    r"(?:this|last)\s+(?:week|month)|\([A-Z][\w\-&.]{1,14}\)|and\s+its\s+partners|,?\s*(?:which|who|that)\s*$|"
    r"together\s+with\s+[\w ]+|"
    r"\s*,\s*(?:which|who)\s+[^,]+,|\s*,\s*[a-z][^,]{0,60},|"
    r"through\s+(?:its|the)\s+[^,]{0,60}?|along\s+with\s+[\w ]+|\s*-\s*[^-]+-)*"
)


# "a $140 million grant for the plant Honda is building with LG": the builder gets it.
_BUILDER = re.compile(
    rf"^[^.;]{{0,60}}?\bfor\s+(?:the|its|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:plant|facility|factory|"
    rf"project|site|campus)\s+(?:that\s+)?(?P<name>{NAME})\s+(?:is|was|will\s+be|plans\s+to|"
    rf"has\s+been|are)\s+(?:building|build|constructing|developing)\b"
)


def recipient_near(
    sentence: str, amount_start: int, amount_end: int, funder: str | None
) -> Party | None:
    """The company that gets the money: "$5 million to Acme Inc.", "Acme will receive $5M",
    "investment in Acme's plant", "support for Acme"."""
    head = sentence[:amount_start]
    listed = re.search(rf"(?P<name>{NAME})\s*\($", head)
    if listed and sentence[amount_end : amount_end + 2].startswith(")"):
        name = clean_name(listed.group("name"))
        if name and is_company(name) and name != funder:
            return Party(name, listed.start("name"), listed.end("name"))
    indirect = re.search(
        rf"\b(?:offered|offers|offer|awarded|awards|granted|grants|gave|gives|give|lent|lends|"
        rf"loaned)\s+(?P<name>{NAME})\s+(?:up\s+to\s+|about\s+|more\s+than\s+|an?\s+)?[^\s]*$",
        head,
    )
    if indirect:
        name = clean_name(indirect.group("name"))
        if name and (is_company(name) or LOCAL_BODY.search(name)) and name != funder:
            return Party(name, indirect.start("name"), indirect.end("name"))
    # "Acme was approved for $5 million ...": the subject of a receiving verb comes first.
    before = sentence[:amount_start]
    receive = list(_RECEIVE.finditer(before))
    if receive:
        head = before[: receive[-1].start()]
        options = [p for p in names(head) if is_company(p.text) and p.text != funder]
        options = [
            p
            for p in options
            if len(head[p.end :].strip(" ,")) < 40 or _APPOSITIVE.fullmatch(head[p.end :])
        ]
        if options:
            return options[-1]
    after = sentence[amount_end:]
    builder = _BUILDER.match(after)
    if builder:
        name = clean_name(builder.group("name"))
        if name and is_company(name) and name != funder:
            return Party(name, amount_end + builder.start("name"), amount_end + builder.end("name"))
    patterns = [
        rf"^[^.;]{{0,80}}?\b(?:to|for|in|toward|towards|into|à|a)\s+(?:help\s+|support\s+|assist\s+|enable\s+)?(?P<name>{NAME})",
        rf"^[^.;]{{0,40}}?\b(?:help(?:ing|s)?|support(?:ing|s)?|assist(?:ing|s)?|enabl(?:ing|es)?|allow(?:ing|s)?)\s+(?P<name>{NAME})",
    ]
    institution = re.search(
        rf"^[^.;]{{0,90}}?\b(?:at|to|for|with)\s+(?:the\s+)?(?P<name>(?:University|Université|College|"
        rf"Collège)\s+of\s+{_CAP}(?:\s+{_CAP})*|{_CAP}(?:\s+{_CAP})*\s+(?:University|College|Polytechnique|"
        rf"Institute|Centre|Center))",
        after,
    )
    if institution:
        return Party(
            institution.group("name"),
            amount_end + institution.start("name"),
            amount_end + institution.end("name"),
        )
    for pattern in patterns:
        match = re.search(pattern, after)
        if match:
            name = clean_name(match.group("name"))
            if re.match(r"Series\s+[A-Z]\b|Phase\b|Round\b", name):
                continue
            if re.match(r"\s+(?:funding|financing|grants?|loans?|support)\b", after[match.end() :]):
                continue  # "$142,500 in O-AMP funding": a program, not a recipient
            if name and is_company(name) and name != funder and not _NOT_NAMES.match(name):
                return Party(name, amount_end + match.start("name"), amount_end + match.end("name"))
    for match in re.finditer(
        rf"(?P<name>{NAME})(?:'s|\u2019s)\s+(?:[\w-]+\s+){{0,4}}?(?:plants?|facility|facilities|project|expansion|investment|proposal|operations?|sites?|factory|factories)",
        sentence,
    ):
        name = clean_name(match.group("name"))
        if name and is_company(name) and name != funder:
            return Party(name, match.start("name"), match.end("name"))
    return None
