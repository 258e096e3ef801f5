"""Which commands a display list compiles between glBegin and glEnd.

In a list made with GL_COMPILE_AND_EXECUTE, a command between glBegin and
glEnd that GL compiles into lists is compiled, and only its execution fails
(GL_INVALID_OPERATION, no effect): glCallList of the list raises that error
again. The library and the host let such a command through there only when
it is in this table (gles_compiled_in_primitive): GL compiles it, and
neither side follows anything of it, so a driver that compiled it only, or
also ran it, leaves every tracker exact. Everything else stays refused
between glBegin and glEnd (the library's GL_INVALID_OPERATION, the host's
closed link): gles-state.c's gl_begin_end_allows.

The table is, deliberately, GL 1.0 to 1.4's commands only (the era whose
list of commands not compiled into lists is short and settled: GL 4.6
compatibility, section 21.4.1 "Commands Not Usable In Display Lists", names
these and later families), less those, less every command either side has
code of its own for (a special, hook, wrap or guard) but the AUDITED ones,
and less the sync ones (queries, never compiled). Later listable commands
(glUniform*, glUseProgram, ...) and the 1.x ones with bookkeeping not
audited for it (glBindTexture, glCopyTexImage*) are refused there as
before: each would need its trackers audited first. The GL 1.x draws go
otherwise: GL compiles them there only to fail, so what they would read
never matters, and they travel as GL_OP_LIST_DRAW, their kind alone
(gpuhost/gl/list-draw.c).
"""

# GL 1.0-1.4 commands executed at once, never compiled (besides the queries:
# every glGet*, glIs*, glAreTexturesResident, glRenderMode are sync).
NOT_LISTABLE = {
    'glNewList', 'glEndList', 'glGenLists', 'glDeleteLists', 'glFeedbackBuffer',
    'glSelectBuffer', 'glRenderMode', 'glVertexPointer', 'glNormalPointer',
    'glColorPointer', 'glSecondaryColorPointer', 'glIndexPointer', 'glTexCoordPointer',
    'glFogCoordPointer', 'glEdgeFlagPointer', 'glInterleavedArrays', 'glEnableClientState',
    'glDisableClientState', 'glClientActiveTexture', 'glPushClientAttrib',
    'glPopClientAttrib', 'glReadPixels', 'glPixelStoref', 'glPixelStorei', 'glGenTextures',
    'glDeleteTextures', 'glAreTexturesResident', 'glFlush', 'glFinish',
}

# Commands with code of their own that was audited: it follows nothing of a
# command compiled only (ge_list_compiles, gh_gl_list_compiles), and the
# host re-reads what it tracks after glEnd should the driver have run it.
AUDITED = {
    # gles-debug.c's hook (GL_DEBUG_OUTPUT); the host tracks no enable.
    'glEnable', 'glDisable',
    # attrib-stack.c and compat-state.c (the host's levels and bindings),
    # gl-attrib.c (the library's texture bindings).
    'glPushAttrib', 'glPopAttrib',
    # storage.c's guard: the image is charged to the list being made
    # (gh_gl_list_image), no texture's record changes; every texture's
    # levels are re-read after glEnd.
    'glTexImage1D', 'glTexImage2D', 'glTexImage3D',
    # front.c's wraps (the host's alone): compiled only, they switch no
    # surface and clear no front (gh_gl_list_compiles); the front is
    # re-read after glEnd with the rest (gh_gl_front_resync).
    'glDrawBuffer', 'glReadBuffer', 'glClear',
}

# A name of these modes is made, bound or forgotten by the library as it is
# sent: state neither side may follow for a command that does not run.
NAME_STATE = {'bind', 'compatbind', 'delete'}


def compiled_in_primitive(c):
    since = c.since.get('glcompat')
    if since is None or since > (1, 4) or c.name in NOT_LISTABLE:
        return False
    if c.sync or c.local or c.same:
        return False
    if c.name in AUDITED:
        return True
    if c.special or c.hook or c.wrap:
        return False
    if c.attrs & {'guard', 'flush', 'create'}:
        return False
    return not any(p.mode in NAME_STATE or p.kind in ('gen', 'delete') for p in c.params)


def gen_compiled_in_primitive(cmds):
    """The C table: one bit per opcode."""
    words = [0] * ((len(cmds) + 31) // 32)
    for c in cmds:
        if compiled_in_primitive(c):
            words[c.index // 32] |= 1 << (c.index % 32)
    out = ['/* True when a list being made in GL_COMPILE_AND_EXECUTE takes `op` between',
           ' * glBegin and glEnd: GL compiles it and only its execution fails, and neither',
           ' * side follows anything of it (protocols/gles/gles_lists.py says which). */',
           'static inline bool gles_compiled_in_primitive(uint32_t op)',
           '{',
           '\tstatic const uint32_t bits[] = {']
    for i in range(0, len(words), 6):
        out.append('\t\t' + ' '.join('0x%08xu,' % w for w in words[i:i + 6]))
    out += ['\t};',
            '\tif (op < GL_OP_GLES_BASE || op >= GLES_OP_END)',
            '\t\treturn false;',
            '\tuint32_t k = op - GL_OP_GLES_BASE;',
            '\treturn bits[k / 32] >> (k % 32) & 1;',
            '}',
            '']
    return out
