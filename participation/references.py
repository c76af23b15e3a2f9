"""The code a resident keeps to look up, or ask to erase, what they sent: one format for comment
references and survey receipts. Pure Python."""

import secrets

# No 0/O, 1/I/L: a code read out over the phone or copied from paper is hard to get wrong.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 10  # 31**10: about 50 bits, unguessable


def new_reference() -> str:
    """A fresh code, stored without separators ("7KQ4MXP2RT")."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_reference(value: str) -> str:
    """What a resident types ("7kq4m-xp2rt ") to the stored form ("7KQ4MXP2RT")."""
    return "".join(ch for ch in (value or "").upper() if ch.isascii() and ch.isalnum())[:32]


def display_reference(value: str) -> str:
    """7KQ4MXP2RT -> 7KQ4M-XP2RT: easier to read out and copy."""
    code = normalise_reference(value)
    return f"{code[:5]}-{code[5:]}" if len(code) == LENGTH else (value or "")
