"""Concept vocabularies and the rules that combine them (warning signs that generalise).

A regex pattern finds the wording it was written for. A *concept* is a list of the
many ways people name one idea (a contact channel: "mobile", "WhatsApp", "DM",
"home address" ...), kept as data in the warning-signs pack under ``concepts:``::

    concepts:
      contact_channel: [mobile, number, whatsapp, text, insta*, dm, home address]
      exchange: [give|gave, swap, add, accept, found me on]

A warning sign's ``rules:`` combine concepts; a rule fires when every slot of
``all`` is filled by a concept found in the same clause (``within: clause``) or
sentence (the default), optionally within ``near`` words of each other, and no
concept of ``none`` is found there::

    rules:
      - all: [contact_channel, exchange, personal|client_side]
        none: [work_channel]
        why: "Giving a client my own number ..."

Terms are matched on word forms: each word of a term matches any word with the
same lemma (``simplemma``), so "text" finds "texted", "texting" and "texts", and
"give|gave" finds "given" and "giving". ``insta*`` is any word starting with
"insta"; ``...`` between two words lets up to three words stand in between;
"n't" is read as a word "not", so the term "not log" finds "didn't log it".

Negation and "if" work as for patterns (a callable from :mod:`flags`): a concept
found in a negated clause does not count, unless the negation belongs to a term
of the same rule found before it ("refused to see", "not tell").

Plain Python: no Qt. Lemmas are looked up only for sentences the cheap anchor
prefilter admits, and cached.

This module is the public face of the concepts; the code lives in
:mod:`concept_terms` (concepts, rules, terms and words), :mod:`concept_index` (the
vocabulary index) and :mod:`concept_matcher` (the rules' matcher), all under
``ips_reflect.core``.
"""

from __future__ import annotations

from ips_reflect.core.concept_matcher import (
    ConceptMatcher,
    RuleSet,
)
from ips_reflect.core.concept_terms import (
    CLAUSE_PUNCT,
    CLAUSE_WORDS,
    GAP_WORDS,
    RULE_KEYS,
    WITHIN,
    Concept,
    ConceptRule,
    RuleHit,
    anchor_of,
    lemma,
    term_words,
    uncancelled,
)

__all__ = [
    "CLAUSE_PUNCT",
    "CLAUSE_WORDS",
    "GAP_WORDS",
    "RULE_KEYS",
    "WITHIN",
    "Concept",
    "ConceptMatcher",
    "ConceptRule",
    "RuleHit",
    "RuleSet",
    "anchor_of",
    "lemma",
    "term_words",
    "uncancelled",
]
