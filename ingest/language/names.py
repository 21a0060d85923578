"""Given names of many languages: what tells a person ('Melanie Sumner', 'Davide') from a product.

A capitalised word is a name of something; whether it is someone's is knowledge no context rule
has. Faker's person providers carry given-name lists for dozens of locales, kept up by many
hands; only the Latin-script names are read here (Korean names are told by their shape instead:
a surname syllable, or a two-syllable word before 님).
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache
from importlib.metadata import version

# Faker is imported only when names are first needed (80 ms): a no-op re-ingest never needs them
LEXICON_VERSION = f"faker {version('faker')}"

_LATIN_NAME = re.compile(r"[A-Z][a-zà-öø-ÿ]{2,}")
# given names that are also words a post uses with a capital for other reasons
_NOT_GIVEN = frozenset("""
Will May June April August Grace Hope Faith Joy Summer Autumn Winter Spring Rose Mark Bill Chase Grant Rich Sunny
Page Chance Chip Art Major Bishop King Queen Prince Princess Royal Sterling Story Justice Honor Liberty Star Sky
River Ocean Rain Storm Dawn Eve Ivy Lily Daisy Holly Iris Jade Pearl Amber Diamond Angel Heaven Blue
Gray Grey Black White Brown Green Young Long Short Hunter Archer Baker Carter Cooper Mason Miller Parker Porter Taylor
Tucker Walker Fisher Forest Glen Dale Brook Cliff Clay Stone Rock Wade Lane Miles Price Rusty Sandy Buck Guy Drew
Ray Max Kit Sol Luz Amor Paz Fe Flutter Kotlin
Alexa Siri Cortana Jenkins Apache Django Flask Pandas Hugo Ember Rome Paris London Sydney Austin Dallas Houston Phoenix
Chelsea Victoria Georgia Virginia Carolina Florida India China Jordan Israel Asia Africa America Europe Berlin
Lisbon Madrid Milan Florence Siena Vienna Geneva Adelaide Brisbane Regina Charlotte Savannah Orlando Denver
Memphis Nashville Boston Troy Cleveland Lincoln Washington Madison Jackson Clinton Kennedy Nixon Reagan
Ford Tesla Mercedes Porsche Ferrari Lexus Toyota Honda Dell Oracle Java Python Ruby Rust Swift Go Dart Scala
Elm Crystal Nim Zig Lua Perl Haskell Clojure Erlang Elixir Julia Pascal Ada Logo Basic Delphi Maven Gradle Ant
Angular React Vue Svelte Astro Gatsby Next Nuxt Remix Solid Alpine Preact Ionic Electron Tauri Deno Node Bun
Sage Echo Nova Luna Stella Aurora Atlas Orion Apollo Hermes Zeus Athena Minerva Juno Mercury Venus Mars Jupiter
Saturn Neptune Pluto Titan Aria Lyric Melody Harmony Destiny Trinity Genesis Unity Serenity Haven Journey Legend
France Marvel Red Italia Germania Espana Monday Friday Sunday Christmas Easter Avril Mai Juni Juli""".split())


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every Latin-script given name Faker knows, minus words that are mostly not names."""
    import faker.providers.person as person_providers

    names: set[str] = set()
    for module in pkgutil.iter_modules(person_providers.__path__):
        provider = importlib.import_module(f"{person_providers.__name__}.{module.name}").Provider
        for attribute in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = vars(provider).get(attribute)
            if isinstance(value, (dict, list, tuple, set, frozenset)):
                names.update(n for n in value if isinstance(n, str) and _LATIN_NAME.fullmatch(n))
    return frozenset(names - _NOT_GIVEN)
