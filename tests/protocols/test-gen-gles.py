#!/usr/bin/env python3
"""gen-gles.py refuses an annotation table that disagrees with gl.xml, and its
output is deterministic.

usage: test-gen-gles.py GEN-GLES.PY GL.XML GL-SIZES.H ANNOTATIONS...
"""
import filecmp
import os
import re
import subprocess
import sys
import tempfile

gen, registry, sizes = sys.argv[1:4]
annotations = sys.argv[4:]
failures = 0


# Where a table after the first begins in the text of them all (its first line).
TABLE_STARTS = [open(p).readline() for p in annotations[1:]]


def run(table_text, outdir):
    """Runs the generator on `table_text`, split back into its tables."""
    texts = [table_text]
    for start in TABLE_STARTS:
        head, sep, tail = texts[-1].partition(start)
        if sep:
            texts[-1:] = [head, sep + tail]
    tables = []
    for i, text in enumerate(texts):
        tables.append(os.path.join(outdir, 'table%d.txt' % i))
        with open(tables[-1], 'w') as f:
            f.write(text)
    cmd = [sys.executable, gen, '--registry', registry, '--annotations', *tables,
           '--sizes-header', sizes, '--header', os.path.join(outdir, 'gles-codec.h'),
           '--encode', os.path.join(outdir, 'gles-encode.c'),
           '--decode', os.path.join(outdir, 'gles-decode.c'),
           '--host', os.path.join(outdir, 'gles-host.c'),
           '--api', os.path.join(outdir, 'gles-api.c')]
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stderr


def expect_error(name, table_text, message):
    global failures
    with tempfile.TemporaryDirectory() as d:
        rc, err = run(table_text, d)
    if rc != 1 or message not in err:
        print('FAIL %s: rc=%d, stderr=%r (wanted %r)' % (name, rc, err, message))
        failures += 1
    else:
        print('ok   %s: %s' % (name, err.strip()))


# The tables as one (the generator reads several as one).
good = ''.join(open(p).read() for p in annotations)


def without(line):
    assert line + '\n' in good, line
    return good.replace(line + '\n', '')


def replaced(old, new):
    assert old in good, old
    return good.replace(old, new)


expect_error('unannotated pointer', without('param glBufferSubData.data in size'),
             'glBufferSubData.data: pointer parameter without annotation')
expect_error('unannotated object name', without('name glAttachShader.shader use'),
             'glAttachShader.shader: object name (class shader) without annotation')
expect_error('unknown command', good + 'param glFooBar.x in 4\n', 'unknown command glFooBar')
expect_error('class= on a name gl.xml classes',
             replaced('name glBeginQuery.id compatbind,err=GL_INVALID_OPERATION',
                      'name glBeginQuery.id compatbind,err=GL_INVALID_OPERATION,class=query'),
             'repeats gl.xml\'s class')
expect_error('class= on a pointer\'s name line',
             replaced('param glBufferSubData.data in size',
                      'name glBufferSubData.data use,class=buffer'),
             'goes on its param line')
expect_error('class= of an unknown class',
             replaced('use,err=GL_INVALID_VALUE,class=query', 'use,class=querry'),
             'unknown class querry')
expect_error('a name gl.xml gives no class, without class=',
             replaced('use,err=GL_INVALID_VALUE,class=query', 'use,err=GL_INVALID_VALUE'),
             'glBeginConditionalRenderNV.id has no gl.xml class (not an object name)')
expect_error('unknown parameter', good + 'param glClear.data in 4\n', 'glClear has no parameter data')
expect_error('size naming no parameter',
             replaced('param glBufferSubData.data in size', 'param glBufferSubData.data in sizes'),
             'glBufferSubData has no parameter "sizes"')
expect_error('unknown attribute', good + 'cmd glDepthMask fast\n', 'unknown attribute "fast"')
expect_error('annotated twice', good + 'param glBufferSubData.data in size\n', 'annotated twice')
expect_error('in on an out pointer',
             replaced('param glGetShaderPrecisionFormat.range out 8',
                      'param glGetShaderPrecisionFormat.range in 8'),
             'in on a non-const pointer')
expect_error('unknown extension', good + 'extension GL_FOO_bar\n', 'GL_FOO_bar is not in gl.xml')
expect_error('extension commands not generated',
             replaced('extension GL_OES_mapbuffer commands', 'extension GL_OES_mapbuffer'),
             'GL_OES_mapbuffer has commands')
expect_error('wrap beside a host hook', good + 'cmd glDepthMask wrap=host hook=host\n',
             'glDepthMask: wrap=host with special= or hook= on the host')
expect_error('unknown api', good + 'api glfoo 1.0\n', 'expected "api gles1|gles2 MAJOR.MINOR"')
GLES2_API = re.search(r'^api gles2 \S+$', good, re.M).group(0)
expect_error('api version that does not exist', replaced(GLES2_API, 'api gles2 2.5'),
             'no gles2 feature of version 2.5')
expect_error('nothing streamed', 'param glBufferSubData.data in size\n', 'no "api" line')
expect_error('an extension before its table\'s api lines',
             'extension GL_OES_mapbuffer commands\n' + good, 'before its table\'s "api" lines')
expect_error('pending command not in a streamed version', good + 'pending glFooBar\n',
             'pending glFooBar: not a command of a streamed API version')
expect_error('pending command another table\'s API streams', good + 'pending glClear\n',
             'pending glClear: gles1 streams it')
# Profiles: the core profile has no glBegin (gl.xml's 3.2 feature removes it); only the
# compatibility profile's table (the last) streams it.
core_only = ''.join(open(p).read() for p in annotations[:-1])
expect_error('a command the core profile removed', core_only + 'cmd glBegin flush\n',
             'unknown command glBegin')
expect_error('an api line of no profile', replaced('api gl 4.5 core', 'api gl 4.5 es'),
             'expected "api gles1|gles2 MAJOR.MINOR" or "api gl MAJOR.MINOR core|compat"')
expect_error('pending twice', good + 'pending glBlendBarrier\npending glBlendBarrier\n',
             'glBlendBarrier pending twice')
# A pending command has no opcode, so annotating it is annotating nothing.
expect_error('annotation of a pending command',
             replaced(GLES2_API, 'api gles2 3.2\npending glBlendBarrier') +
             'cmd glBlendBarrier sync\n', 'unknown command glBlendBarrier')
expect_error('wrap of a command returning a value', good + 'cmd glIsEnabled wrap=host\n',
             'glIsEnabled: wrap=host is for commands that return nothing')

expect_error('also= naming no API',
             replaced('extension GL_EXT_polygon_offset_clamp commands also=gles1',
                      'extension GL_EXT_polygon_offset_clamp commands also=gles7'),
             'also= names APIs among')

# same=: an extension command that is a core command of the same API under another name.
expect_error('same= naming no command', replaced('cmd glOrthofOES same=glOrthof', 'cmd glOrthofOES same=glOrthofoo'),
             'glOrthofOES: same=glOrthofoo: not a streamed command')
expect_error('same= with another prototype', replaced('cmd glOrthofOES same=glOrthof', 'cmd glOrthofOES same=glOrthox'),
             'glOrthofOES: same=glOrthox with another prototype')
expect_error('same= of a core command', good + 'cmd glDepthMask same=glClearStencil\n',
             'glDepthMask: same=glClearStencil: a core command may only be an extension command')
# The other way: desktop OpenGL's core glDepthRangeIndexed takes doubles, ES's
# glDepthRangeIndexedfOES floats: not one entry point.
expect_error('core same= an extension command of another prototype',
             good + 'cmd glDepthRangeIndexed same=glDepthRangeIndexedfOES\n',
             'glDepthRangeIndexed: same=glDepthRangeIndexedfOES with another prototype')
expect_error('same= to a command the API lacks',
             replaced('cmd glOrthofOES same=glOrthof', 'cmd glOrthofOES same=glUniform4f'),
             'glOrthofOES: same=glUniform4f, but gles1 has no glUniform4f')
expect_error('same= beside another annotation', good + 'param glClipPlanefOES.equation in 16\n',
             'glClipPlanefOES: same= commands take no other annotation')



def expect_api(name, api_text, patterns):
    """gles-api.c (api_text: None where the table did not generate) has a line matching each
    regular expression."""
    global failures
    missing = [p for p in patterns if not re.search(p, api_text or '', re.M)]
    if api_text is None or missing:
        print('FAIL %s: generated: %s, no line for %r' % (name, api_text is not None, missing))
        failures += 1
    else:
        print('ok   %s' % name)


def api_of(table_text):
    with tempfile.TemporaryDirectory() as d:
        rc, _ = run(table_text, d)
        return open(os.path.join(d, 'gles-api.c')).read() if rc == 0 else None


def ext_bit(api_text, name):
    return re.findall(r'^\t"(GL_\w+)",$', api_text or '', re.M).index(name) + 1


# Extensions on core contexts: a core command an extension brings is available through the
# extension's bit below its core version (ARB_compute_shader's glDispatchCompute, 4.3).
real_api = api_of(good)
# The compatibility profile's version of a shared command, where its table has an api line.
COMPAT = r'(, \[GL_API_GL_COMPAT\] = 0x[0-9a-f]+)?'
expect_api('a core command an extension brings has its bit', real_api,
           [r'GLES_OP_glDispatchCompute - .*\[GL_API_GL_CORE\] = 0x0403%s \}, \{ %d \}'
            % (COMPAT, ext_bit(real_api, 'GL_ARB_compute_shader')),
            r'1u << GL_API_GL_CORE \| 1u << GL_API_GL_COMPAT, /\* GL_ARB_compute_shader \*/'])
# An ARB name of a core command (same=) gives the core opcode the extension's bit.
expect_api('an ARB alias gives the core opcode its bit', real_api,
           [r'GLES_OP_glMinSampleShading - .*\[GL_API_GL_CORE\] = 0x0400%s \}, \{ %d \}'
            % (COMPAT, ext_bit(real_api, 'GL_ARB_sample_shading'))])
# A command of a version every core context has needs no bit for the core profile
# (glDrawArraysInstanced, 3.1), nor with one table of core APIs alone; the compatibility
# profile (from 2.1) inherits ARB_draw_instanced and gets the bit.
expect_api('no bit for a command every core context has',
           api_of(good.partition(TABLE_STARTS[-1])[0]),
           [r'GLES_OP_glDrawArraysInstanced - .*\[GL_API_GL_CORE\] = 0x0301 \}, \{ 0 \}'])
expect_api('compatibility contexts below 3.1 have it with the bit', real_api,
           [r'GLES_OP_glDrawArraysInstanced - .*\[GL_API_GL_CORE\] = 0x0301%s \}, \{ %d \}'
            % (COMPAT, ext_bit(real_api, 'GL_ARB_draw_instanced'))])
# An extension needing a pending command is held back (in no API) until the command lands:
# a core command pending is pending in the compatibility profile too.
expect_api('an extension with a pending command is held back',
           api_of(replaced('api gl 4.5 core\n', 'api gl 4.5 core\npending glClipControl\n')),
           [r'^\t0, /\* GL_ARB_clip_control \*/'])
expect_api('offered once its command lands', real_api,
           [r'1u << GL_API_GL_CORE \| 1u << GL_API_GL_COMPAT, /\* GL_ARB_clip_control \*/'])
# (While glTexStorage1D is pending: ARB_texture_storage waits for it, its core commands
# without its bit.)
if 'pending glTexStorage1D\n' in good:
    expect_api('held back while its command is pending', real_api,
               [r'^\t0, /\* GL_ARB_texture_storage \*/',
                r'GLES_OP_glTexStorage2D - .*\[GL_API_GL_CORE\] = 0x0402%s \}, \{ 0 \}' % COMPAT])

# Extensions on compatibility contexts: the core table's extension lines hold there too
# (gles_model.py INHERITS), the compatibility table's own lines in that profile only.
expect_api('compatibility contexts inherit the core table\'s extensions', real_api,
           [r'1u << GL_API_GL_CORE \| 1u << GL_API_GL_COMPAT, /\* GL_ARB_copy_buffer \*/',
            r'1u << GL_API_GL_CORE \| 1u << GL_API_GL_COMPAT, /\* GL_ARB_draw_instanced \*/'])
expect_api('a compatibility table extension is the profile\'s alone', real_api,
           [r'^\t1u << GL_API_GL_COMPAT, /\* GL_ARB_multitexture \*/',
            r'^\t1u << GL_API_GLES1 \| 1u << GL_API_GLES2 \| 1u << GL_API_GL_COMPAT, '
            r'/\* GL_EXT_blend_minmax \*/'])
# The compatibility table is the last: a line appended to the text is its.
expect_error('an inherited extension listed again', good + 'extension GL_ARB_copy_buffer\n',
             'extension GL_ARB_copy_buffer listed twice')
expect_error('a compatibility ARB name of another prototype',
             replaced('cmd glBindBufferARB same=glBindBuffer', 'cmd glBindBufferARB same=glIsBuffer'),
             'glBindBufferARB: same=glIsBuffer with another prototype')
# gl.xml's <alias> lets GLenum stand for GLint (glTexImage3DEXT's internalformat); without
# it the types must match.
expect_error('GLenum for GLint needs gl.xml\'s alias',
             replaced('cmd glTexSubImage3DEXT same=glTexSubImage3D',
                      'cmd glTexSubImage3DEXT same=glTextureSubImage3D'),
             'glTexSubImage3DEXT: same=glTextureSubImage3D with another prototype')

# gl.xml's <require comment="X interactions with Y">: ARB_viewport_array brings
# glDepthRangeArraydvNV and glDepthRangeIndexeddNV only with NV_depth_buffer_float. Not
# ours, they are not ARB_viewport_array's (it stays enum-only); with NV_depth_buffer_float
# listed they are (and its line would need `commands`).
expect_api('an interaction with an extension not ours brings nothing', real_api,
           [r'1u << GL_API_GL_CORE \| 1u << GL_API_GL_COMPAT, /\* GL_ARB_viewport_array \*/'])
expect_error('an interaction with an extension of ours brings its commands',
             good + 'extension GL_NV_depth_buffer_float commands\n',
             'extension GL_ARB_viewport_array has commands in gl.xml')


def encode_of(table_text):
    with tempfile.TemporaryDirectory() as d:
        rc, _ = run(table_text, d)
        return open(os.path.join(d, 'gles-encode.c')).read() if rc == 0 else None


# The ARB names are the core entry points (EXT_blend_minmax brings glBlendEquationEXT to
# desktop OpenGL only: glBlendEquation, which ES 1.1 lacks, is checked there alone).
expect_api('ARB and EXT names are the core entry points', encode_of(good),
           [r'\{ "glActiveTextureARB", \(void \*\)gl_enc_glActiveTexture \}',
            r'\{ "glBindBufferARB", \(void \*\)gl_enc_glBindBuffer \}',
            r'\{ "glBufferDataARB", \(void \*\)gl_enc\w*_glBufferData \}',
            r'\{ "glTexImage3DEXT", \(void \*\)gl_enc\w*_glTexImage3D \}',
            r'\{ "glBlendEquationEXT", \(void \*\)gl_enc\w*_glBlendEquation \}'])

# class= overrides gl.xml's class: ARB assembly programs are a namespace of their own
# (gl.xml classes them as GLSL programs), on both the scalar and the array names.
expect_api('class= overrides gl.xml\'s class', encode_of(good),
           [r'enc_implicit_gen\(enc_e, GL_NAMES_ARB_PROGRAM, GLES_OP_glGenProgramsARB, program\)',
            r'gl_enc_names_gen\(enc_e, GL_NAMES_ARB_PROGRAM, n_programs / 4, programs\)'])
expect_error('class= of an unknown class on a param line',
             replaced('gen,class=arb_program', 'gen,class=arb_programme'),
             'unknown class arb programme')
# An extension landing in steps is generated (its bits in its APIs) but not offered: the
# host asks gles_extension_landing (gpuhost/gl/info.c); its last step drops `landing`.
landing_api = api_of(replaced('extension GL_ARB_vertex_program commands\n',
                              'extension GL_ARB_vertex_program commands landing\n'))
expect_api('an extension landing is generated and marked', landing_api,
           [r'1u << GL_API_GL_COMPAT, /\* GL_ARB_vertex_program \*/',
            r'case \d+: /\* GL_ARB_vertex_program \*/'])
if re.search(r'case \d+: /\* GL_ARB_vertex_program \*/', real_api or ''):
    print('FAIL an extension no longer landing is still marked')
    failures += 1
else:
    print('ok   an extension no longer landing is not marked')
expect_error('landing only after commands',
             replaced('extension GL_ARB_vertex_program commands\n',
                      'extension GL_ARB_vertex_program landing\n'),
             'expected "extension NAME [commands [landing]]')

with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
    ra, _ = run(good, a)
    rb, _ = run(good, b)
    same = all(filecmp.cmp(os.path.join(a, n), os.path.join(b, n), shallow=False)
               for n in ('gles-codec.h', 'gles-encode.c', 'gles-decode.c', 'gles-host.c'))
    if ra != 0 or rb != 0 or not same:
        print('FAIL the real table: rc %d/%d, identical outputs: %s' % (ra, rb, same))
        failures += 1
    else:
        print('ok   the real table generates, twice identically')

sys.exit(1 if failures else 0)
