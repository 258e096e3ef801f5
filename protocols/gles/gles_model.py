"""The GLES codec's model: gl.xml's commands with the annotations applied, and
every consistency check between the two (a GenError names the problem)."""

import re
import xml.etree.ElementTree as ET


# The client APIs the codec can stream (gl-api.h's enum gl_api): our name -> the C
# enumerator. Our names are gl.xml's for OpenGL ES; desktop OpenGL is one gl.xml api
# ("gl") in two profiles, which are two APIs here (a context has one profile).
APIS = {
    'gles1': 'GL_API_GLES1',
    'gles2': 'GL_API_GLES2',
    'glcore': 'GL_API_GL_CORE',
    'glcompat': 'GL_API_GL_COMPAT',
}

# Each of ours as gl.xml names it: (the <feature> api, the profile its <require> and
# <remove> elements may name, the name extensions' supported= lists use).
XML_API = {
    'gles1': ('gles1', 'common', 'gles1'),
    'gles2': ('gles2', None, 'gles2'),
    'glcore': ('gl', 'core', 'glcore'),
    'glcompat': ('gl', 'compatibility', 'gl'),
}

# The annotation table's `api` lines: `api gles2 3.2`, `api gl 4.5 core`.
API_LINES = {('gles1',): 'gles1', ('gles2',): 'gles2', ('gl', 'core'): 'glcore',
             ('gl', 'compat'): 'glcompat'}

# The first version of an API a context can have: desktop OpenGL's profiles begin
# with 3.2 (below it, gl.xml's features still build the profile's command set); the
# compatibility profile is every desktop version.
# A compatibility context is offered from 2.1 on: an app asking for none gets at least
# that from every driver of the profile, and GL_VERSION 1.0 would turn legacy apps away.
FIRST_VERSION = {'glcore': (3, 2), 'glcompat': (2, 1)}

# A table's extension lines belong to its own APIs, and to those that inherit them here:
# a compatibility context has every command and enum of the core context of its version
# (the core profile is the compatibility profile less what 3.2 removed), so an extension
# the core table offers holds in compatibility contexts too. gl.xml's supported= still
# decides (one it gives the core profile only stays out) and the host offers only what
# its compatibility context has (gles_host_extension_ok).
INHERITS = {'glcore': {'glcompat'}}

# Scalar wire types: GL type -> (bytes, kind). kind: u = unsigned, i = signed,
# f = float, d = double, b = boolean (u32 0/1).
SCALARS = {
    'GLenum': (4, 'u'), 'GLuint': (4, 'u'), 'GLbitfield': (4, 'u'),
    'GLint': (4, 'i'), 'GLsizei': (4, 'i'),
    'GLfloat': (4, 'f'), 'GLclampf': (4, 'f'),
    'GLboolean': (4, 'b'),
    # OpenGL ES 1: 16.16 fixed point (khronos_int32_t) and glColor4ub's bytes.
    'GLfixed': (4, 'i'), 'GLclampx': (4, 'i'), 'GLubyte': (4, 'u'),
    # OES_draw_texture's glDrawTexsOES: shorts travel widened (the host casts back).
    'GLshort': (4, 'i'),
    'GLintptr': (8, 'i'), 'GLsizeiptr': (8, 'i'),
    'GLint64': (8, 'i'), 'GLuint64': (8, 'u'),
    # Desktop OpenGL's doubles (glClearDepth, glVertexAttribL*, glUniform*d).
    'GLdouble': (8, 'd'), 'GLclampd': (8, 'd'),
    'GLbyte': (4, 'i'), 'GLushort': (4, 'u'),
    # A sync object travels as the u32 name the app's library gave it (kind s).
    'GLsync': (4, 's'),
}

CLASSES = {
    'texture': 'GL_NAMES_TEXTURE', 'buffer': 'GL_NAMES_BUFFER',
    'framebuffer': 'GL_NAMES_FRAMEBUFFER', 'renderbuffer': 'GL_NAMES_RENDERBUFFER',
    'program': 'GL_NAMES_PROGRAM', 'shader': 'GL_NAMES_SHADER',
    'vertex array': 'GL_NAMES_VERTEX_ARRAY', 'query': 'GL_NAMES_QUERY',
    'sampler': 'GL_NAMES_SAMPLER', 'transform feedback': 'GL_NAMES_TRANSFORM_FEEDBACK',
    'sync': 'GL_NAMES_SYNC', 'program pipeline': 'GL_NAMES_PROGRAM_PIPELINE',
    # ARB_vertex_program/ARB_fragment_program's assembly programs: a namespace of their own
    # (glGenProgramsARB), which gl.xml classes "program" like GLSL's (a class= override).
    'arb program': 'GL_NAMES_ARB_PROGRAM',
}

PTR_KINDS = {'in', 'out', 'cstring', 'cstrings', 'gen', 'delete', 'offset', 'handle', 'wire'}
SIZED_KINDS = {'in', 'out', 'gen', 'delete', 'cstrings'}
PTR_FLAGS = {'null', 'names', 'upto', 'string', 'unpack'}
NAME_MODES = {'use', 'use0', 'bind', 'compatbind', 'is', 'delete', 'driver'}
SIDES = {'client', 'host', 'both'}


class GenError(Exception):
    pass


def fail(msg):
    raise GenError(msg)


class Param:
    def __init__(self, el):
        self.name = el.find('name').text
        text = ''.join(el.itertext()).strip()
        assert text.endswith(self.name)
        self.ctype = text[:-len(self.name)].strip()
        ptype = el.find('ptype')
        self.ptype = ptype.text if ptype is not None else None
        self.cls = el.get('class')
        self.len = el.get('len')
        self.is_ptr = '*' in self.ctype or self.ptype == 'GLeglImageOES'
        self.kind = None   # pointer annotation
        self.flags = set()
        self.size = None
        self.mode = None   # object-name annotation
        self.err = None

    def decl(self):
        sep = '' if self.ctype.endswith('*') else ' '
        return self.ctype + sep + self.name

    @property
    def scalar(self):
        """Travels as a scalar (4 or 8 bytes) in declaration order."""
        return not self.is_ptr or self.kind in ('offset', 'handle')

    @property
    def blob(self):
        return self.is_ptr and self.kind in ('in', 'out', 'cstring', 'cstrings', 'gen', 'delete')

    @property
    def is_sync(self):
        return not self.is_ptr and self.ptype == 'GLsync'

    def wire_bytes(self):
        if self.kind == 'offset':
            return 8
        if self.kind == 'handle':
            return 4
        return SCALARS[self.ptype][0]

    @property
    def int_scalar(self):
        return not self.is_ptr and SCALARS[self.ptype][1] in 'uib'


class Command:
    def __init__(self, el):
        proto = el.find('proto')
        self.name = proto.find('name').text
        text = ''.join(proto.itertext()).strip()
        self.ret = text[:-len(self.name)].strip()
        self.ret_cls = proto.get('class')
        self.params = [Param(p) for p in el.findall('param')]
        alias = el.find('alias')
        self.alias = alias.get('name') if alias is not None else None
        self.ext = None    # the first of our extensions that brings it (None: core)
        self.exts = []     # every one of ours that brings it (gl.xml may list several)
        self.brought = {}  # extension -> the APIs it brings this command to
        self.since = {}    # gl.xml api -> (major, minor) of the first feature that has it
        self.index = None
        self.attrs = set()
        self.special = None
        self.hook = None
        self.wrap = False
        self.same = None   # `same=CORE`: this entry point is CORE's (no opcode of its own)
        self.checks = []

    def param(self, name):
        for p in self.params:
            if p.name == name:
                return p
        return None

    @property
    def local(self):
        return 'local' in self.attrs

    @property
    def outs(self):
        return [p for p in self.params if p.is_ptr and p.kind == 'out']

    @property
    def sync(self):
        if 'create' in self.attrs:
            return False
        return 'sync' in self.attrs or self.ret != 'void' or bool(self.outs)

    @property
    def client_special(self):
        return self.local or self.special in ('client', 'both')

    @property
    def host_special(self):
        return self.special in ('host', 'both')

    @property
    def has_encoder(self):
        """A generated wire encoder gl_enc_<name> exists."""
        return (not self.local and not self.same and
                not any(p.kind == 'wire' for p in self.params))

    @property
    def has_decoder(self):
        return not self.local and not self.same and not self.host_special

    @property
    def sent(self):
        """The host may see its opcode (local and same= commands are never sent)."""
        return not self.local and not self.same

    def proto(self, fname, first=None):
        args = [p.decl() for p in self.params]
        if first:
            args = [first] + args
        ret = self.ret
        sep = '' if ret.endswith('*') else ' '
        return '%s%s%s(%s)' % (ret, sep, fname, ', '.join(args) or 'void')

    def gl_proto(self, fname):
        ret = self.ret
        sep = '' if ret.endswith('*') else ' '
        args = ', '.join(p.decl() for p in self.params) or 'void'
        return '%s%sGL_APIENTRY %s(%s)' % (ret, sep, fname, args)


# gl.xml numbers its one OpenGL ES 1 feature (GL_VERSION_ES_CM_1_0) 1.0, but it holds the
# commands of ES 1.1 (buffer objects, glGetPointerv, glTexEnvi, ...): the API the codec
# streams for it is ES 1.1, and that is the version its contexts have (GL_VERSION says
# "OpenGL ES-CM 1.1", gl_api_info.version is 1.1). An app asking for 1.0 gets 1.1, as
# Mesa gives it.
FEATURE_VERSION = {('gles1', (1, 0)): (1, 1)}


def api_version(api, number):
    """The version of `api` a gl.xml feature numbered `number` is."""
    return FEATURE_VERSION.get((api, number), number)


# ---------------------------------------------------------------- reading

def version(text, where):
    m = re.fullmatch(r'(\d+)\.(\d+)', text)
    if not m:
        fail('%s: expected a version MAJOR.MINOR, got %s' % (where, text))
    return int(m.group(1)), int(m.group(2))


def api_features(root, api):
    """gl.xml's <feature>s of our API `api`, in version order."""
    xml_api = XML_API[api][0]
    features = [f for f in root.findall('feature') if f.get('api') == xml_api]
    return sorted(features, key=lambda f: version(f.get('number'), f.get('name')))


def in_profile(el, api):
    """A <require> or <remove> that holds for our API `api` (no profile= holds for all)."""
    return el.get('profile') in (None, XML_API[api][1])


def api_commands(root, api, top):
    """The commands of `api` up to version `top`, in gl.xml order, each with the version
    that (last) brought it: a command the core profile removes (3.2) is gone from it,
    and one a later version brings back (glGetPointerv, 4.3) is new in that version."""
    have = {}
    for f in api_features(root, api):
        number = version(f.get('number'), f.get('name'))
        if number > top:
            break
        for r in f.findall('remove'):
            if in_profile(r, api):
                for cc in r.findall('command'):
                    have.pop(cc.get('name'), None)
        for r in f.findall('require'):
            if in_profile(r, api):
                for cc in r.findall('command'):
                    have.setdefault(cc.get('name'), number)
    return have


# gl.xml's <require comment="X interactions with Y">: what X brings only where Y is
# supported too (ARB_viewport_array's glDepthRangeArraydvNV and glDepthRangeIndexeddNV
# exist only with NV_depth_buffer_float, its spec says).
INTERACTION = re.compile(r'\binteractions with (?:GL_)?([A-Za-z0-9]+_\w+)')


def interaction_missing(r, exts):
    """A <require> that is an interaction with an extension not among ours (`exts`): its
    commands are not the extension's in our contexts, which never have the other one."""
    m = INTERACTION.search(r.get('comment') or '')
    return m is not None and 'GL_' + m.group(1) not in exts


def heirs_too(apis):
    """`apis` and those that inherit their tables' extension lines (INHERITS)."""
    return set(apis).union(*(INHERITS.get(a, set()) for a in apis))


def offered_version(api, versions, blocked_from):
    """The last feature version of `api` before `blocked_from` (None: none blocks), at
    least the API's first; None when there is none."""
    first = FIRST_VERSION.get(api, (0, 0))
    ok = [v for v in versions if v >= first and (blocked_from is None or v < blocked_from)]
    return max(ok) if ok else None


def read_registry(path, apis, exts, pending=None, also=None, unlisted=None, parts=None):
    """The commands of every streamed API up to its streamed version (`apis`: our API
    name -> (major, minor)) but the `pending` ones, then those of our extensions; returns
    (commands in opcode order, {extension: [its command names]}, {extension: {streamed
    APIs it extends}}, {api: the version offered: the last one without a pending
    command}).

    Opcodes are indices in that order: the commands of each API (APIS order) in gl.xml's
    feature order, then the extensions; an API's commands another streamed before keep
    their opcode. `unlisted` (name -> {apis}): extensions gl.xml does not know,
    enum-only, of that one API."""
    unlisted = unlisted or {}
    pending = pending or {}
    root = ET.parse(path).getroot()
    cmds = {}
    for el in root.find('commands'):
        c = Command(el)
        cmds[c.name] = c
    order = []
    offered = {}
    lowest = {}  # api -> the lowest version a context of it may have
    seen_pending = set()
    for api in APIS:
        if api not in apis:
            continue
        top = apis[api]
        versions = [version(f.get('number'), f.get('name')) for f in api_features(root, api)]
        if top not in versions:
            fail('%s: no %s feature of version %d.%d' % (path, XML_API[api][0], *top))
        have = api_commands(root, api, top)
        blocked_from = None  # the first version with a command pending for this API
        foreign = []         # pending for another table's APIs only
        for name, number in have.items():
            if name in pending:
                seen_pending.add(name)
                if api in pending[name]:
                    blocked_from = min(number, blocked_from or number)
                else:
                    foreign.append((number, name))
                continue
            c = cmds[name]
            c.since[api] = api_version(api, number)
            if c not in order:
                order.append(c)
        # Features past the table's version are not streamed: with nothing pending the
        # table's own version is offered, not gl.xml's last one.
        v = offered_version(api, [n for n in versions if n <= top], blocked_from)
        lowest[api] = api_version(api, offered_version(api, versions, min(versions)) or
                                  FIRST_VERSION.get(api, min(versions)))
        for number, name in sorted(foreign):
            if v is not None and number <= v:
                fail('pending %s: %s streams it from %d.%d (its table says pending only for '
                     '%s)' % (name, api, *number, ', '.join(sorted(pending[name]))))
        if v is not None and v <= top:
            offered[api] = v
    xml_names = {XML_API[a][2]: a for a in apis}
    seen_ext = set()
    ext_cmds = {}
    ext_apis = {}
    held = {}  # extension -> the APIs it is held back in (a command pending there)
    for e in root.find('extensions'):
        name = e.get('name')
        if name not in exts:
            continue
        if name in unlisted:
            fail('extension %s is in gl.xml: list it without unlisted=' % name)
        supported = {xml_names[a] for a in e.get('supported', '').split('|') if a in xml_names}
        supported |= (also or {}).get(name, set()) & set(apis)
        if parts is not None:
            supported &= parts.get(name, set())
        if not supported:
            fail('extension %s is not an extension of %s in gl.xml'
                 % (name, ' or '.join(sorted(apis))))
        seen_ext.add(name)
        ext_cmds[name] = []

        def brings(r, a):
            return (r.get('api') in (None, XML_API[a][0]) and in_profile(r, a) and
                    not interaction_missing(r, exts))

        # An extension needing a command still pending for an API is held back in that
        # API (not offered there) until the command lands: no list to keep.
        for a in sorted(supported):
            # (Pending for an API `a` inherits the extension from counts too: the
            # command is no more there than in the API whose table says it.)
            if any(cc.get('name') in pending and a in heirs_too(pending[cc.get('name')])
                   for r in e.findall('require') if brings(r, a) for cc in r.findall('command')):
                supported = supported - {a}
                held.setdefault(name, set()).add(a)
        ext_apis[name] = supported
        for r in e.findall('require'):
            # Only what it brings to the APIs it extends here.
            if not any(brings(r, a) for a in supported):
                continue
            for cc in r.findall('command'):
                if cc.get('name') in pending:
                    fail('extension %s needs %s, which is pending' % (name, cc.get('name')))
                c = cmds[cc.get('name')]
                if c in order and not c.ext:
                    # A core command: the extension makes it available below the version
                    # that has it (ARB_compute_shader's glDispatchCompute on 3.3), where
                    # the host offers the extension.
                    if name not in c.exts and any(c.since.get(a, (99, 0)) > lowest[a]
                                                  for a in supported if brings(r, a)):
                        c.exts.append(name)
                    continue
                if c in order:
                    # Several extensions may bring one command (glEnableiOES:
                    # OES_draw_buffers_indexed and OES_viewport_array): a
                    # context with any of them has it.
                    if c.ext and name not in c.exts:
                        c.exts.append(name)
                        # Its commands may all be another's (occlusion_query_boolean's
                        # are all disjoint_timer_query's): it still brings them.
                        ext_cmds[name].append(c.name)
                    continue
                c.ext = name
                c.exts = [name]
                # gl.xml's <require api=...>: EXT_blend_minmax brings glBlendEquationEXT
                # to desktop OpenGL only.
                c.brought[name] = {a for a in supported if brings(r, a)}
                order.append(c)
                ext_cmds[name].append(c.name)
    for name in exts:
        if name in unlisted and unlisted[name] & set(apis):
            ext_cmds[name] = []
            ext_apis[name] = unlisted[name] & set(apis)
        elif name not in seen_ext:
            fail('extension %s is not in gl.xml' % name)
    for name in sorted(set(pending) - seen_pending):
        fail('pending %s: not a command of a streamed API version' % name)
    for i, c in enumerate(order):
        c.index = i
    return order, ext_cmds, ext_apis, offered, held, lowest


def parse_side(value, what, line):
    if value not in SIDES:
        fail('%s: %s must be client, host or both' % (line, what))
    return value


def table_lines(paths):
    """(where, text) of each line of the tables that says something ('#' comments)."""
    for path in paths:
        with open(path) as f:
            for no, raw in enumerate(f, 1):
                text = raw.split('#', 1)[0].strip()
                if text:
                    yield '%s:%d' % (path, no), text


def read_annotations(paths):
    """Returns (apis {gl.xml api: (major, minor)}, extensions {name: has_commands},
    lines [(lineno, kind, fields)], pending {command names}, also {extension: {APIs it is
    offered in beyond gl.xml's supported=}}, unlisted {extension gl.xml does not know: its
    APIs}, parts {extension: the APIs of the tables that list it}, landing {extensions
    generated but not offered yet})."""
    apis = {}
    pending = {}  # command -> the APIs of the table that says it is pending
    also = {}
    unlisted = {}
    exts = {}
    lines = []
    parts = {}  # extension -> the APIs of the tables that list it
    landing = set()  # extensions whose commands land in steps: generated, not offered
    part, part_path = set(), None
    for where, text in table_lines(paths):
        words = text.split()
        path = where.rsplit(':', 1)[0]
        if path != part_path:
            part, part_path = set(), path
        if words[0] == 'api':
            key = API_LINES.get(tuple(words[1:2] + words[3:]))
            if len(words) not in (3, 4) or key is None:
                fail('%s: expected "api gles1|gles2 MAJOR.MINOR" or '
                     '"api gl MAJOR.MINOR core|compat"' % where)
            if key in apis:
                fail('%s: api %s listed twice' % (where, ' '.join(words[1:2] + words[3:])))
            apis[key] = version(words[2], where)
            part.add(key)
        elif words[0] == 'pending':
            if len(words) != 2:
                fail('%s: expected "pending GLNAME"' % where)
            if words[1] in pending:
                fail('%s: %s pending twice' % (where, words[1]))
            if not part:
                fail('%s: pending %s before its table\'s "api" lines' % (where, words[1]))
            # The compatibility profile has every core command, served by the same code:
            # a core command pending is pending there too.
            pending[words[1]] = set(part) | ({'glcompat'} if 'glcore' in part else set())
        elif words[0] == 'extension':
            rest = words[2:]
            extra = set()
            if rest and rest[-1].startswith('also='):
                extra = set(rest.pop()[5:].split(','))
                if not extra <= set(APIS):
                    fail('%s: also= names APIs among %s' % (where, ', '.join(APIS)))
            if rest[:2] == ['commands', 'landing']:
                rest.pop(1)
                landing.add(words[1])
            if rest and rest[-1].startswith('unlisted='):
                named = set(rest.pop()[len('unlisted='):].split(','))
                if not named <= set(APIS):
                    fail('%s: unlisted= names APIs among %s' % (where, ', '.join(APIS)))
                unlisted[words[1]] = named
            if rest not in ([], ['commands']) or (words[1] in unlisted and rest):
                fail('%s: expected "extension NAME [commands [landing]] [also=API,...]" or '
                     '"extension NAME unlisted=API,..."' % where)
            if not part:
                fail('%s: extension %s before its table\'s "api" lines' % (where, words[1]))
            if parts.get(words[1], set()) & part:
                fail('%s: extension %s listed twice' % (where, words[1]))
            heirs = heirs_too(part) - part
            # unlisted= may name the heirs too: gl.xml gives such an extension no APIs to
            # inherit it by.
            if not extra <= part or not unlisted.get(words[1], set()) <= part | heirs:
                fail('%s: also= names APIs of this table (%s), unlisted= those or their heirs'
                     % (where, ', '.join(sorted(part))))
            exts[words[1]] = exts.get(words[1], False) or rest == ['commands']
            if parts.get(words[1], set()) & heirs:
                fail('%s: extension %s listed twice (%s inherit this table\'s extensions)'
                     % (where, words[1], ', '.join(sorted(heirs))))
            parts.setdefault(words[1], set()).update(part | heirs)
            if extra:
                also.setdefault(words[1], set()).update(extra)
        elif words[0] in ('cmd', 'param', 'name', 'check'):
            if len(words) < 3:
                fail('%s: too few fields' % where)
            lines.append((where, words[0], text))
        else:
            fail('%s: unknown line kind "%s"' % (where, words[0]))
    if not apis:
        fail('%s: no "api" line: nothing to stream' % ', '.join(paths))
    return apis, exts, lines, pending, also, unlisted, parts, landing


IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')


def check_expr(where, cmd, expr, helpers):
    for m in IDENT.finditer(expr):
        word = m.group(0)
        if word in ('PS', 'pack_alignment', 'unpack_alignment', 'int64_t', 'uint64_t', 'true',
                    'false'):
            continue
        if word.startswith('GL_') and not word.startswith('GL_SIZE_'):
            continue
        if word in helpers:
            continue
        p = cmd.param(word)
        if p is None:
            fail('%s: %s has no parameter "%s"' % (where, cmd.name, word))
        if not p.int_scalar:
            fail('%s: %s.%s is not an integer scalar' % (where, cmd.name, word))


def apply_annotations(cmds, lines, helpers):
    by_name = {c.name: c for c in cmds}
    done = set()

    def command(where, name):
        c = by_name.get(name)
        if c is None:
            fail('%s: unknown command %s (not in a streamed API version or listed extension)'
                 % (where, name))
        return c

    def param(where, ref):
        if '.' not in ref:
            fail('%s: expected COMMAND.PARAM, got %s' % (where, ref))
        cname, pname = ref.split('.', 1)
        c = command(where, cname)
        p = c.param(pname)
        if p is None:
            fail('%s: %s has no parameter %s' % (where, cname, pname))
        if ref in done:
            fail('%s: %s annotated twice' % (where, ref))
        done.add(ref)
        return c, p

    for where, kind, text in lines:
        words = text.split()
        if kind == 'cmd':
            c = command(where, words[1])
            if ('cmd', c.name) in done:
                fail('%s: cmd %s listed twice' % (where, c.name))
            done.add(('cmd', c.name))
            for a in words[2:]:
                if a.startswith('special='):
                    c.special = parse_side(a[8:], 'special', where)
                elif a.startswith('hook='):
                    c.hook = parse_side(a[5:], 'hook', where)
                elif a == 'wrap=host':
                    c.wrap = True
                elif a.startswith('same='):
                    c.same = a[5:]
                elif a in ('sync', 'flush', 'local', 'create', 'guard'):
                    c.attrs.add(a)
                else:
                    fail('%s: unknown attribute "%s"' % (where, a))
        elif kind == 'check':
            c = command(where, words[1])
            err = words[2]
            if not err.startswith('GL_'):
                fail('%s: expected a GL error, got %s' % (where, err))
            expr = text.split(None, 3)[3] if len(words) > 3 else ''
            if not expr:
                fail('%s: check without an expression' % where)
            check_expr(where, c, expr, helpers)
            c.checks.append((err, expr))
        elif kind == 'param':
            c, p = param(where, words[1])
            if not p.is_ptr:
                fail('%s: %s.%s is not a pointer' % (where, c.name, p.name))
            spec = words[2].split(',')
            p.kind = spec[0]
            p.flags = set(fl for fl in spec[1:] if not fl.startswith('class='))
            override_class(where, c, p, spec[1:])
            if p.kind not in PTR_KINDS:
                fail('%s: unknown pointer kind %s' % (where, p.kind))
            for fl in p.flags:
                if fl not in PTR_FLAGS:
                    fail('%s: unknown flag %s' % (where, fl))
            rest = text.split(None, 3)[3] if len(words) > 3 else ''
            if p.kind in SIZED_KINDS:
                if not rest:
                    fail('%s: %s.%s needs a size expression' % (where, c.name, p.name))
                check_expr(where, c, rest, helpers)
                p.size = rest
            elif rest:
                fail('%s: %s takes no size expression' % (where, p.kind))
        elif kind == 'name':
            c, p = param(where, words[1])
            spec = words[2].split(',')
            if p.is_ptr and any(fl.startswith('class=') for fl in spec[1:]):
                fail('%s: class= for the pointer %s.%s goes on its param line'
                     % (where, c.name, p.name))
            override_class(where, c, p, spec[1:])
            if p.is_ptr or not p.cls:
                fail('%s: %s.%s has no gl.xml class (not an object name)'
                     % (where, c.name, p.name))
            p.mode = spec[0]
            if p.mode not in NAME_MODES:
                fail('%s: unknown name mode %s' % (where, p.mode))
            for fl in spec[1:]:
                if fl.startswith('class='):
                    continue
                if not fl.startswith('err=GL_'):
                    fail('%s: unknown name flag %s' % (where, fl))
                p.err = fl[4:]
            if len(words) > 3:
                fail('%s: trailing fields' % where)
            # The driver's own name (display lists): neither side maps or
            # checks it, it travels as the scalar it is.
            if p.mode == 'driver':
                if len(spec) > 1:
                    fail('%s: driver names take no flags' % where)
                p.cls = None


def override_class(where, c, p, flags):
    """class=CLASS (spaces written _) on a name or param line: the class of a name gl.xml
    gives none, or another than gl.xml's where gl.xml's is wrong for us (ARB_vertex_program's
    glGenProgramsARB makes `arb program` names, which gl.xml classes as GLSL programs)."""
    given = [fl[len('class='):].replace('_', ' ') for fl in flags if fl.startswith('class=')]
    if not given:
        return
    if len(given) > 1:
        fail('%s: class= twice for %s.%s' % (where, c.name, p.name))
    if given[0] not in CLASSES:
        fail('%s: unknown class %s' % (where, given[0]))
    if given[0] == p.cls:
        fail('%s: class= for %s.%s repeats gl.xml\'s class' % (where, c.name, p.name))
    p.cls = given[0]


def sides(value):
    if value is None:
        return set()
    return {'client', 'host'} if value == 'both' else {value}


# gl.xml's clamped types are the plain ones in C (GLES/gl.h typedefs them so), and
# ARB_vertex_buffer_object's pointer-sized ones are the core ones (glext.h: both
# khronos_ssize_t / khronos_intptr_t).
SAME_C_TYPE = {'GLclampf': 'GLfloat', 'GLclampx': 'GLfixed', 'GLclampd': 'GLdouble',
               'GLsizeiptrARB': 'GLsizeiptr', 'GLintptrARB': 'GLintptr'}

# Types the same= check lets differ where gl.xml's <alias> says the two commands are one:
# EXT_texture3D's glTexImage3DEXT takes its internalformat as GLenum, core glTexImage3D as
# GLint (OpenGL 1.0's component counts). Both are 32-bit integers passed alike, and
# every internal format is below 2^31, so the value the driver sees is the same.
ALIAS_C_TYPE = {'GLenum': 'GLint'}


def c_type(p):
    return ' '.join(SAME_C_TYPE.get(w, w) for w in p.ctype.split())


def resolve_same(cmds, ext_apis, lowest=None):
    """Checks each `same=CORE` command: it comes from one of our extensions, CORE is a core
    command of every API that extension extends here, with the same prototype, so calling
    CORE's entry point is calling it. Its own annotations would never be used: none allowed.

    The other way round, a core command of APIs the target lacks may be `same=` an
    extension command of ours (desktop OpenGL 4.4's glBufferStorage is ES's
    glBufferStorageEXT): the target's opcode then also serves those APIs from the core
    command's versions, and its annotations and hooks hold for both."""
    by_name = {c.name: c for c in cmds}
    for c in cmds:
        if not c.same:
            continue
        t = by_name.get(c.same)
        if t is None:
            fail('%s: same=%s: not a streamed command' % (c.name, c.same))
        if t.same:
            fail('%s: same=%s: the target must have an entry point of its own'
                 % (c.name, t.name))
        if not c.ext:
            if not t.ext:
                fail('%s: same=%s: a core command may only be an extension command'
                     % (c.name, t.name))
            for api, since in c.since.items():
                if api in t.since:
                    fail('%s: same=%s, which %s has already' % (c.name, t.name, api))
                t.since[api] = since
        elif t.ext:
            fail('%s: same=%s: the target must be a core command with an entry point of its own'
                 % (c.name, t.name))
        for e in c.exts:
            for api in c.brought.get(e, ext_apis[e]):
                if api not in t.since:
                    fail('%s: same=%s, but %s has no %s (for %s)' % (c.name, t.name, api,
                                                                     t.name, e))
            # The core command's opcode is the extension's below the core version too
            # (ARB_instanced_arrays' glVertexAttribDivisorARB on a 3.2 context).
            if (c.ext and not t.ext and e not in t.exts and lowest and
                    any(t.since[a] > lowest[a] for a in c.brought.get(e, ext_apis[e]))):
                t.exts.append(e)
            # A core command's extensions (ARB_viewport_array's glViewportArrayv on 3.2) are
            # its target's too when the core command is the target's opcode
            # (glViewportArrayvOES): read_registry gave the core command only those it
            # needs below its version.
            if not c.ext and e not in t.exts:
                t.exts.append(e)
        mine, its = [c_type(p) for p in c.params], [c_type(p) for p in t.params]
        if c.alias == t.name:
            mine = [ALIAS_C_TYPE.get(x, x) for x in mine]
            its = [ALIAS_C_TYPE.get(x, x) for x in its]
        if c.ret != t.ret or mine != its:
            fail('%s: same=%s with another prototype' % (c.name, t.name))
        if (c.attrs or c.special or c.hook or c.wrap or c.checks or
                any(p.kind or p.mode for p in c.params)):
            fail('%s: same= commands take no other annotation (%s\'s hold)' % (c.name, t.name))


def validate(cmds):
    for c in cmds:
        if c.local or c.same:
            if c.special or c.hook:
                fail('%s: local commands are client specials; no special= or hook=' % c.name)
            continue
        if sides(c.hook) & sides(c.special):
            fail('%s: hook=%s on a side that is special' % (c.name, c.hook))
        if 'guard' in c.attrs and (c.sync or c.host_special or
                                   any(p.kind == 'gen' for p in c.params)):
            fail('%s: guard is for generic host decoders of async commands that make no names'
                 % c.name)
        if c.wrap and (c.host_special or c.hook in ('host', 'both')):
            fail('%s: wrap=host with special= or hook= on the host' % c.name)
        if c.wrap and (c.ret != 'void' or 'create' in c.attrs):
            fail('%s: wrap=host is for commands that return nothing' % c.name)
        if 'create' in c.attrs and (c.ret_cls not in CLASSES or c.ret not in ('GLuint', 'GLsync')):
            fail('%s: create needs a GLuint or GLsync return value with a gl.xml class' % c.name)
        if c.ret not in ('void', 'GLenum', 'GLuint', 'GLint', 'GLboolean', 'GLbitfield') and \
                not ('create' in c.attrs and c.ret == 'GLsync'):
            fail('%s: return type %s needs local or special' % (c.name, c.ret))
        for p in c.params:
            if p.is_ptr:
                if p.kind is None:
                    fail('%s.%s: pointer parameter without annotation' % (c.name, p.name))
                validate_ptr(c, p)
            else:
                if p.ptype not in SCALARS:
                    fail('%s.%s: scalar type %s has no wire encoding' % (c.name, p.name, p.ptype))
                if p.cls and p.mode is None:
                    fail('%s.%s: object name (class %s) without annotation'
                         % (c.name, p.name, p.cls))
                if p.cls and p.cls not in CLASSES:
                    fail('%s.%s: unknown class %s' % (c.name, p.name, p.cls))
        if any(p.kind == 'wire' for p in c.params) and c.special != 'both':
            fail('%s: wire parameters need special=both' % c.name)


def validate_ptr(c, p):
    const = p.ctype.startswith('const')
    where = '%s.%s' % (c.name, p.name)
    if p.kind in ('in', 'cstring', 'delete', 'offset') and not const:
        fail('%s: %s on a non-const pointer' % (where, p.kind))
    if p.kind in ('out', 'gen') and const:
        fail('%s: %s on a const pointer' % (where, p.kind))
    if p.kind == 'handle' and p.ptype != 'GLeglImageOES':
        fail('%s: handle is only for GLeglImageOES' % where)
    if p.kind in ('gen', 'delete') or 'names' in p.flags:
        if p.cls not in CLASSES:
            fail('%s: %s needs a gl.xml class' % (where, p.kind))
        if not p.len or not c.param(p.len):
            fail('%s: %s needs a gl.xml len= naming the count parameter' % (where, p.kind))
    if 'names' in p.flags and p.kind != 'in':
        fail('%s: names is for in pointers' % where)
    if 'unpack' in p.flags and (p.kind != 'in' or p.flags & {'names'}):
        fail('%s: unpack is for in pointers of pixels' % where)
    # glCreateShaderProgramvEXT's strings lack the inner const in gl.xml.
    if p.kind == 'cstrings' and p.ctype.replace(' ', '') not in ('constGLchar*const*',
                                                                 'constGLchar**'):
        fail('%s: cstrings is for const GLchar *const * arrays' % where)
    if p.flags & {'upto', 'string'} and p.kind != 'out':
        fail('%s: upto/string are for out pointers' % where)
    if p.ctype.count('*') > 1 and p.kind not in ('wire', 'cstrings'):
        fail('%s: pointer to pointer needs wire (or local)' % where)
    if p.cls and p.kind in ('in', 'out') and 'names' not in p.flags and not c.host_special:
        fail('%s: an array of names (class %s) needs the names flag or a host special'
             % (where, p.cls))


def read_helpers(path):
    with open(path) as f:
        return set(re.findall(r'\b(gl_[a-z0-9_]+)\s*\(', f.read()))
