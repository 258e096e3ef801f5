"""Pieces of C shared by the emitters: names of generated functions and the
prototypes of the hand-written ones."""

from gles_model import CLASSES


def size_fn(c, p):
    return 'gles_size_%s_%s' % (c.name, p.name)


def size_args(c):
    return [p for p in c.params if p.int_scalar]


def size_call(c, p, prefix, ps):
    args = [ps] + ['(int64_t)%s%s' % (prefix, q.name) for q in size_args(c)]
    return '%s(%s)' % (size_fn(c, p), ', '.join(args))


def check_call(c, i, prefix):
    args = ['(int64_t)%s%s' % (prefix, q.name) for q in size_args(c)]
    return 'gles_check_%s_%d(%s)' % (c.name, i, ', '.join(args) or '')


def name_cls(cls):
    return CLASSES[cls]


def op(c):
    return 'GLES_OP_' + c.name


def hook_args_client(c):
    """A client hook's arguments: the command's, and a `create` command's new name."""
    return (['enc_e'] + [p.name for p in c.params] +
            (['enc_name'] if 'create' in c.attrs else []))


def hook_proto_client(c):
    args = (['struct gl_enc *e'] + [p.decl() for p in c.params] +
            (['GLuint name'] if 'create' in c.attrs else []))
    return 'void gl_enc_hook_%s(%s)' % (c.name, ', '.join(args))


def host_arg_decl(p):
    """The declaration of a parameter as the host passes it."""
    if p.kind == 'gen':
        return 'GLuint *' + p.name
    if p.kind in ('delete',) or 'names' in p.flags:
        return 'const GLuint *' + p.name
    return p.decl()


def host_hook_args(c):
    # The stream is `x` unless a GL parameter has that name (glCopyTexImage2D).
    exec_name = 'exec' if c.param('x') else 'x'
    args = ['struct gl_exec *' + exec_name] + [host_arg_decl(p) for p in c.params]
    for p in c.params:
        if p.cls and (not p.is_ptr):
            args.append('GLuint app_' + p.name)
        elif p.cls and p.is_ptr:
            args.append('const GLuint *app_' + p.name)
    return ', '.join(args)


def hook_proto_host(c):
    return 'bool gl_exec_hook_%s(%s)' % (c.name, host_hook_args(c))


def guard_proto_host(c):
    return 'enum gl_guard gl_exec_guard_%s(%s)' % (c.name, host_hook_args(c))


def wrap_proto_host(c):
    return 'bool gl_exec_wrap_%s(%s)' % (c.name, host_hook_args(c))


def special_proto_client(c):
    return c.gl_proto('gl_enc_special_' + c.name)


def special_proto_host(c):
    return 'bool gl_exec_special_%s(struct gl_exec *x, struct gl_reader *r)' % c.name
