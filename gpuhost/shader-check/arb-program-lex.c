/*
 * The tokenizer of the ARB program check (arb-program-parse.h). Both
 * specifications spell programs in printable ASCII with "#" comments to
 * the end of a line; anything else (a control byte, a NUL, a byte past
 * 0x7f) is refused where it stands rather than skipped.
 */
#include "arb-program-parse.h"

/* Digits of a number: more is a hostile text, not a program. */
#define MAX_NUMBER 64u

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}

static bool is_name_char(char c)
{
	return is_name_start(c) || is_digit(c);
}

static bool at(const struct arb_lexer *lx, uint32_t i, char c)
{
	return i < lx->len && lx->text[i] == c;
}

static bool digit_at(const struct arb_lexer *lx, uint32_t i)
{
	return i < lx->len && is_digit(lx->text[i]);
}

static void skip_blanks_and_comments(struct arb_lexer *lx)
{
	while (lx->pos < lx->len) {
		char c = lx->text[lx->pos];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			lx->pos++;
		} else if (c == '#') {
			while (lx->pos < lx->len && lx->text[lx->pos] != '\n')
				lx->pos++;
		} else {
			return;
		}
	}
}

static struct arb_tok token(struct arb_lexer *lx, enum arb_tok_kind kind, uint32_t start)
{
	return (struct arb_tok){.kind = kind, .pos = start, .len = lx->pos - start};
}

static struct arb_tok error_at(struct arb_lexer *lx, uint32_t pos)
{
	lx->pos = pos;
	return (struct arb_tok){.kind = ARB_TOK_ERROR, .pos = pos, .len = 0};
}

static struct arb_tok lex_name(struct arb_lexer *lx, uint32_t start)
{
	while (lx->pos < lx->len && is_name_char(lx->text[lx->pos]))
		lx->pos++;
	return token(lx, ARB_TOK_NAME, start);
}

/* An exponent after a number's digits: [eE][+-]?digits, or nothing. */
static bool lex_exponent(struct arb_lexer *lx)
{
	uint32_t i = lx->pos;
	if (!at(lx, i, 'e') && !at(lx, i, 'E'))
		return true;
	i++;
	if (at(lx, i, '+') || at(lx, i, '-'))
		i++;
	if (!digit_at(lx, i))
		return false;
	while (digit_at(lx, i))
		i++;
	lx->pos = i;
	return true;
}

/* digits, digits "." digits?, or "." digits, each with an optional
 * exponent; a digit followed by "D" is a texture target (1D, 2D, 3D). A
 * point followed by another is the range "..", not a fraction. */
static struct arb_tok lex_number(struct arb_lexer *lx, uint32_t start)
{
	bool is_float = false;
	uint64_t value = 0;
	while (digit_at(lx, lx->pos)) {
		value = value * 10 + (uint64_t)(lx->text[lx->pos] - '0');
		if (value > UINT32_MAX)
			value = (uint64_t)UINT32_MAX + 1;
		lx->pos++;
	}
	if (lx->pos - start == 1 && at(lx, lx->pos, 'D') &&
	    !(lx->pos + 1 < lx->len && is_name_char(lx->text[lx->pos + 1]))) {
		lx->pos++;
		return token(lx, ARB_TOK_NAME, start);
	}
	if (at(lx, lx->pos, '.') && !at(lx, lx->pos + 1, '.')) {
		is_float = true;
		lx->pos++;
		while (digit_at(lx, lx->pos))
			lx->pos++;
	}
	uint32_t before_exponent = lx->pos;
	if (!lex_exponent(lx))
		return error_at(lx, start);
	is_float |= lx->pos != before_exponent;
	if (lx->pos - start > MAX_NUMBER)
		return error_at(lx, start);
	/* "1x" is no token: a number runs into a name only as 1D, 2D, 3D. */
	if (lx->pos < lx->len && is_name_char(lx->text[lx->pos]))
		return error_at(lx, start);
	struct arb_tok t = token(lx, is_float ? ARB_TOK_FLOAT : ARB_TOK_INT, start);
	t.value = value > UINT32_MAX ? UINT32_MAX : (uint32_t)value;
	return t;
}

static struct arb_tok lex_punct(struct arb_lexer *lx, uint32_t start, char c)
{
	if (c == '.' && at(lx, start + 1, '.')) {
		lx->pos = start + 2;
		struct arb_tok t = token(lx, ARB_TOK_PUNCT, start);
		t.punct = 'R';
		return t;
	}
	lx->pos = start + 1;
	struct arb_tok t = token(lx, ARB_TOK_PUNCT, start);
	t.punct = c;
	return t;
}

struct arb_tok arb_lex(struct arb_lexer *lx)
{
	skip_blanks_and_comments(lx);
	uint32_t start = lx->pos;
	if (start >= lx->len)
		return token(lx, ARB_TOK_EOF, start);
	char c = lx->text[start];
	if (is_name_start(c))
		return lex_name(lx, start);
	if (is_digit(c) || (c == '.' && digit_at(lx, start + 1)))
		return lex_number(lx, start);
	switch (c) {
	case ';':
	case ',':
	case '.':
	case '[':
	case ']':
	case '{':
	case '}':
	case '=':
	case '+':
	case '-':
		return lex_punct(lx, start, c);
	default:
		return error_at(lx, start);
	}
}
