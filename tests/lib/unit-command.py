#!/usr/bin/env python3
"""The command line systemd's user manager runs for a service's ExecStart=.

Usage: unit-command.py UNIT RUNTIME_DIR [NAME=VALUE...]

Prints the argv, each argument followed by a NUL, as systemd 252 makes it from UNIT's
[Service] section: its Environment= assignments, then each NAME=VALUE (as a drop-in's
Environment= would set it, `systemctl --user edit`), the %t specifier as RUNTIME_DIR.

The test machines run no systemd (no manager could start the unit), so this follows
systemd.service(5), "COMMAND LINES", for the forms a unit of ours may use, and refuses
every other form rather than guess:
  - "${NAME}" in a word: the exact value, whitespace included; the word stays one argument;
  - "$NAME" as a word of its own: the value split at whitespace (quotes respected, then
    removed): zero or more arguments;
  - words are split at whitespace, double or single quotes keep one together;
  - Environment= takes whitespace-separated NAME=VALUE assignments, an assignment in double
    quotes may hold whitespace; "$" has no meaning there (systemd.exec(5)).
"""
import re
import sys

VAR_WORD = re.compile(r'\$([A-Za-z_][A-Za-z0-9_]*)')
VAR_BRACED = re.compile(r'\$\{([A-Za-z_][A-Za-z0-9_]*)\}')


def fail(message):
    sys.stderr.write('unit-command: %s\n' % message)
    sys.exit(2)


def split_words(text, what):
    """Whitespace-separated words; double or single quotes keep one together (removed)."""
    words, word, quote, in_word = [], [], None, False
    for c in text:
        if quote:
            if c == quote:
                quote = None
            elif c == '\\':
                fail('%s: a backslash escape in quotes is not handled here' % what)
            else:
                word.append(c)
        elif c in '"\'':
            quote, in_word = c, True
        elif c.isspace():
            if in_word:
                words.append(''.join(word))
            word, in_word = [], False
        elif c == '\\':
            fail('%s: a backslash escape is not handled here' % what)
        else:
            word.append(c)
            in_word = True
    if quote:
        fail('%s: an unclosed quote' % what)
    if in_word:
        words.append(''.join(word))
    return words


def specifiers(text, runtime_dir, what):
    def one(m):
        if m.group(1) == 't':
            return runtime_dir
        if m.group(1) == '%':
            return '%'
        fail('%s: the specifier %%%s is not handled here' % (what, m.group(1)))
    return re.sub(r'%(.)', one, text)


def main():
    if len(sys.argv) < 3:
        fail('usage: unit-command.py UNIT RUNTIME_DIR [NAME=VALUE...]')
    unit, runtime_dir = sys.argv[1], sys.argv[2]
    env, exec_start, section = {}, None, None
    for number, raw in enumerate(open(unit, encoding='utf-8'), 1):
        line = raw.strip()
        if not line or line[0] in '#;':
            continue
        if line.startswith('['):
            section = line
            continue
        if section != '[Service]':
            continue
        key, _, value = line.partition('=')
        where = '%s:%d' % (unit, number)
        if key == 'Environment':
            for assignment in split_words(specifiers(value, runtime_dir, where), where):
                name, eq, val = assignment.partition('=')
                if not eq:
                    fail('%s: %r is no NAME=VALUE' % (where, assignment))
                env[name] = val
        elif key == 'ExecStart':
            if exec_start is not None:
                fail('%s: more than one ExecStart= is not handled here' % where)
            exec_start = (specifiers(value, runtime_dir, where), where)
    for assignment in sys.argv[3:]:
        name, eq, val = assignment.partition('=')
        if not eq:
            fail('%r is no NAME=VALUE' % assignment)
        env[name] = val
    if exec_start is None:
        fail('%s has no ExecStart= in [Service]' % unit)
    text, where = exec_start
    if text[:1] in '-@:+!':
        fail('%s: ExecStart= prefixes are not handled here' % where)

    def value_of(name):
        if name not in env:
            fail('%s: $%s is not set in the unit' % (where, name))
        return env[name]

    argv = []
    for word in split_words(text, where):
        whole = VAR_WORD.fullmatch(word)
        if whole:
            argv.extend(split_words(value_of(whole.group(1)), '$' + whole.group(1)))
            continue
        expanded = VAR_BRACED.sub(lambda m: value_of(m.group(1)), word)
        if VAR_WORD.search(VAR_BRACED.sub('', word)):
            fail('%s: "$NAME" inside a word %r is not handled here' % (where, word))
        argv.append(expanded)
    sys.stdout.write(''.join(a + '\0' for a in argv))


main()
