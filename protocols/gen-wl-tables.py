#!/usr/bin/env python3
"""Generate the Wayland message tables declared in include/gpupipe/wl-proto.h.

Usage: gen-wl-tables.py --source OUT.c --header OUT.h PROTOCOL.xml...

The XML files are the ones the wayland and wayland-protocols packages
install; the tables describe every interface in them, so the codec and the
forwarding code are driven by the protocols rather than by hand-kept lists.

OUT.h (wl-proto-tables.h) is included from wl-proto.h after the struct
definitions: it declares one `wire_iface_<name>` per interface and a
`WIRE_<IFACE>_<REQ|EVT>_<MESSAGE>` opcode constant per message. OUT.c holds
the tables, `wire_interfaces[]` sorted by name (strcmp order, so that
wire_interface_find() can bsearch it) and wire_interface_find() itself.

Output depends only on the XML contents and the file names (not their
directories), so the same input gives byte-identical output. Anything the
tables could not describe faithfully (an unknown type, an interface
reference that no given XML defines, a name that is not a C identifier, two
names that would collide in C) is an error: a message on stderr, exit 1,
and no output written.
"""

import argparse
import os
import re
import sys
import xml.etree.ElementTree as ET

# XML arg type -> enum wire_arg_type (the character is the enum's value).
ARG_TYPES = {
    'int': 'i',
    'uint': 'u',
    'fixed': 'f',
    'string': 's',
    'object': 'o',
    'new_id': 'n',
    'array': 'a',
    'fd': 'h',
}

# The codec decodes into a fixed array (WIRE_WL_MAX_ARGS in wl-proto.h) and
# n_args / n_fds are uint8_t there.
MAX_ARGS = 20
MAX_MESSAGES = 0xffff  # n_requests / n_events are uint16_t
MAX_U32 = 0xffffffff

IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')


class GenError(Exception):
    pass


class Arg:
    def __init__(self, name, type_char, nullable, interface):
        self.name = name
        self.type = type_char
        self.nullable = nullable
        self.interface = interface  # interface name, or None


class Message:
    def __init__(self, name, since, destructor, args):
        self.name = name
        self.since = since
        self.destructor = destructor
        self.args = args

    @property
    def n_fds(self):
        return sum(1 for a in self.args if a.type == 'h')


class Interface:
    def __init__(self, name, version, source):
        self.name = name
        self.version = version
        self.source = source  # file name, for messages and comments
        self.requests = []
        self.events = []


def check_ident(what, name, where):
    if name is None:
        raise GenError(f'{where}: {what} has no name')
    if not IDENT.match(name):
        raise GenError(f'{where}: {what} name {name!r} is not a C identifier')
    return name


def parse_uint(text, what, where, minimum):
    try:
        value = int(text, 10)
    except (TypeError, ValueError):
        raise GenError(f'{where}: {what} {text!r} is not a number') from None
    if value < minimum or value > MAX_U32:
        raise GenError(f'{where}: {what} {value} is out of range')
    return value


def parse_arg(elem, where):
    name = check_ident('arg', elem.get('name'), where)
    where = f'{where} arg {name}'
    xml_type = elem.get('type')
    if xml_type not in ARG_TYPES:
        raise GenError(f'{where}: unknown type {xml_type!r}')
    type_char = ARG_TYPES[xml_type]

    allow_null = elem.get('allow-null', 'false')
    if allow_null not in ('true', 'false'):
        raise GenError(f'{where}: allow-null must be "true" or "false", not {allow_null!r}')
    nullable = allow_null == 'true'
    # libwayland only honours allow-null on these; anywhere else it would
    # be a promise the codec does not keep.
    if nullable and type_char not in ('s', 'o'):
        raise GenError(f'{where}: allow-null on a {xml_type} arg')

    interface = elem.get('interface')
    if interface is not None:
        if type_char not in ('o', 'n'):
            raise GenError(f'{where}: interface attribute on a {xml_type} arg')
        check_ident('referenced interface', interface, where)
    return Arg(name, type_char, nullable, interface)


def parse_message(elem, iface, where):
    name = check_ident(elem.tag, elem.get('name'), where)
    where = f'{where} {elem.tag} {name}'
    since = parse_uint(elem.get('since', '1'), 'since', where, 1)
    if since > iface.version:
        raise GenError(f'{where}: since {since} is above the interface version '
                       f'{iface.version}')
    msg_type = elem.get('type')
    if msg_type not in (None, 'destructor'):
        raise GenError(f'{where}: unknown message type {msg_type!r}')
    args = [parse_arg(a, where) for a in elem.findall('arg')]
    if len(args) > MAX_ARGS:
        raise GenError(f'{where}: {len(args)} args, the codec takes at most {MAX_ARGS}')
    return Message(name, since, msg_type == 'destructor', args)


def parse_interface(elem, source):
    where = source
    name = check_ident('interface', elem.get('name'), where)
    where = f'{source}: interface {name}'
    version = parse_uint(elem.get('version'), 'version', where, 1)
    iface = Interface(name, version, source)
    for child in elem:
        if child.tag == 'request':
            iface.requests.append(parse_message(child, iface, where))
        elif child.tag == 'event':
            iface.events.append(parse_message(child, iface, where))
    for kind, msgs in (('request', iface.requests), ('event', iface.events)):
        if len(msgs) > MAX_MESSAGES:
            raise GenError(f'{where}: too many {kind}s ({len(msgs)})')
        seen = set()
        for m in msgs:
            if m.name in seen:
                raise GenError(f'{where}: two {kind}s named {m.name}')
            seen.add(m.name)
    return iface


def parse_files(paths):
    interfaces = {}
    for path in paths:
        source = os.path.basename(path)
        try:
            root = ET.parse(path).getroot()
        except OSError as e:
            raise GenError(f'{path}: cannot read: {e.strerror}') from None
        except ET.ParseError as e:
            raise GenError(f'{path}: not valid XML: {e}') from None
        if root.tag != 'protocol':
            raise GenError(f'{path}: root element is <{root.tag}>, not <protocol>')
        for elem in root.findall('interface'):
            iface = parse_interface(elem, source)
            if iface.name in interfaces:
                other = interfaces[iface.name].source
                raise GenError(f'{source}: interface {iface.name} is also defined in {other}')
            interfaces[iface.name] = iface
    return interfaces


def check_references(interfaces):
    for iface in interfaces.values():
        for kind, msgs in (('request', iface.requests), ('event', iface.events)):
            for m in msgs:
                for a in m.args:
                    if a.interface is not None and a.interface not in interfaces:
                        raise GenError(
                            f'{iface.source}: interface {iface.name} {kind} {m.name} '
                            f'arg {a.name}: refers to interface {a.interface}, which '
                            f'none of the given XML files defines (add its XML to '
                            f'wl_protocol_xml in protocols/meson.build)')


class Names:
    """Hands out C identifiers and refuses two that would be the same."""

    def __init__(self):
        self.owners = {}

    def claim(self, ident, owner):
        if ident in self.owners:
            raise GenError(f'{owner} and {self.owners[ident]} both map to the C name {ident}')
        self.owners[ident] = owner
        return ident


def kind_tag(kind):
    return 'req' if kind == 'request' else 'evt'


def c_bool(value):
    return 'true' if value else 'false'


def emit_args(out, iface, kind, m, names):
    if not m.args:
        return 'NULL'
    ident = names.claim(f'{iface.name}_{kind_tag(kind)}_{m.name}_args',
                        f'{iface.name}.{m.name} ({kind}) args')
    out.append(f'static const struct wire_arg_desc {ident}[] = {{')
    for a in m.args:
        target = f'&wire_iface_{a.interface}' if a.interface else 'NULL'
        out.append(f"\t{{ .type = '{a.type}', .nullable = {c_bool(a.nullable)}, "
                   f'.interface = {target} }}, /* {a.name} */')
    out.append('};')
    out.append('')
    return ident


def emit_messages(out, iface, kind, msgs, names):
    if not msgs:
        return 'NULL'
    args_idents = [emit_args(out, iface, kind, m, names) for m in msgs]
    ident = names.claim(f'{iface.name}_{kind}s', f'{iface.name} {kind}s')
    out.append(f'static const struct wire_message_desc {ident}[] = {{')
    for m, args_ident in zip(msgs, args_idents):
        out.append('\t{')
        out.append(f'\t\t.name = "{m.name}",')
        out.append(f'\t\t.since = {m.since},')
        out.append(f'\t\t.destructor = {c_bool(m.destructor)},')
        out.append(f'\t\t.n_args = {len(m.args)},')
        out.append(f'\t\t.n_fds = {m.n_fds},')
        out.append(f'\t\t.args = {args_ident},')
        out.append('\t},')
    out.append('};')
    out.append('')
    return ident


def emit_interface(out, iface, index, names):
    out.append(f'/* {iface.name}, version {iface.version} ({iface.source}) */')
    out.append('')
    requests = emit_messages(out, iface, 'request', iface.requests, names)
    events = emit_messages(out, iface, 'event', iface.events, names)
    out.append(f'const struct wire_interface wire_iface_{iface.name} = {{')
    out.append(f'\t.name = "{iface.name}",')
    out.append(f'\t.index = {index},')
    out.append(f'\t.version = {iface.version},')
    out.append(f'\t.n_requests = {len(iface.requests)},')
    out.append(f'\t.n_events = {len(iface.events)},')
    out.append(f'\t.requests = {requests},')
    out.append(f'\t.events = {events},')
    out.append('};')
    out.append('')


FIND_FUNCTION = '''\
static int compare_name(const void *key, const void *elem)
{
	const struct wire_interface *const *iface = elem;

	return strcmp(key, (*iface)->name);
}

const struct wire_interface *wire_interface_find(const char *name)
{
	const struct wire_interface *const *found;

	if (!name)
		return NULL;
	found = bsearch(name, wire_interfaces, wire_interface_count, sizeof(wire_interfaces[0]),
			compare_name);
	return found ? *found : NULL;
}
'''


def banner(sources):
    out = ['/* Generated by protocols/gen-wl-tables.py from:']
    out += [f' *   {s}' for s in sources]
    out += [' * Do not edit: change the generator or the XML list in protocols/meson.build. */', '']
    return out


def generate_source(ordered, sources):
    out = banner(sources)
    out += ['#include <gpupipe/wl-proto.h>', '', '#include <stdlib.h>', '#include <string.h>', '']
    names = Names()
    for iface in ordered:
        names.claim(f'wire_iface_{iface.name}', f'interface {iface.name}')
    for index, iface in enumerate(ordered):
        emit_interface(out, iface, index, names)
    out.append('/* Sorted in strcmp order: wire_interface_find() bsearches it. */')
    out.append('const struct wire_interface *const wire_interfaces[] = {')
    out += [f'\t&wire_iface_{iface.name},' for iface in ordered]
    out.append('};')
    out.append('')
    out.append('const size_t wire_interface_count = sizeof(wire_interfaces) / '
               'sizeof(wire_interfaces[0]);')
    out.append('')
    out.append(FIND_FUNCTION)
    return '\n'.join(out)


def generate_header(ordered, sources):
    out = banner(sources)
    out += ['#ifndef GPUPIPE_WL_PROTO_TABLES_H', '#define GPUPIPE_WL_PROTO_TABLES_H', '']
    macros = Names()
    out.append('/* Interfaces in wire_interfaces[]; WIRE_IFACE_INDEX_<NAME> is each one\'s .index,')
    out.append(' * for tables of per-interface hooks. */')
    out.append(f'#define WIRE_INTERFACE_COUNT {len(ordered)}')
    out.append('')
    for index, iface in enumerate(ordered):
        out.append(f'/* {iface.name}, version {iface.version} ({iface.source}) */')
        out.append(f'extern const struct wire_interface wire_iface_{iface.name};')
        out.append('#define %s %d' % (macros.claim(f'WIRE_IFACE_INDEX_{iface.name.upper()}',
                                                   f'interface {iface.name}'), index))
        for kind, msgs in (('request', iface.requests), ('event', iface.events)):
            tag = kind_tag(kind).upper()
            for opcode, m in enumerate(msgs):
                macro = macros.claim(f'WIRE_{iface.name.upper()}_{tag}_{m.name.upper()}',
                                     f'{iface.name}.{m.name} ({kind})')
                out.append(f'#define {macro} {opcode}')
        out.append('')
    out.append('#endif')
    out.append('')
    return '\n'.join(out)


def write(path, text):
    try:
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write(text)
    except OSError as e:
        raise GenError(f'{path}: cannot write: {e.strerror}') from None


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--source', required=True, help='the .c file to write')
    parser.add_argument('--header', required=True, help='the .h file to write')
    parser.add_argument('xml', nargs='+', help='Wayland protocol XML files')
    args = parser.parse_args(argv)

    try:
        interfaces = parse_files(args.xml)
        check_references(interfaces)
        # Python orders str by code point; names are ASCII identifiers, so
        # this is strcmp order.
        ordered = [interfaces[name] for name in sorted(interfaces)]
        sources = [os.path.basename(p) for p in args.xml]
        # Build both texts before writing either, so an error leaves no
        # half-generated pair behind.
        source_text = generate_source(ordered, sources)
        header_text = generate_header(ordered, sources)
        write(args.header, header_text)
        write(args.source, source_text)
    except GenError as e:
        print(f'gen-wl-tables.py: error: {e}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
