// SPDX-License-Identifier: BSD-2-Clause
/* Parsing boot parameters: pure code, see <axo/env.h>. */
#include <axo/env.h>
#include <axo/errno.h>
#include <axo/fmt.h>

/* Length of the word starting at w (up to a space or the end). */
static size_t word_len(const char *w)
{
	size_t n = 0;

	while (w[n] != '\0' && w[n] != ' ')
		n++;
	return n;
}

int env_find(const char *cmdline, const char *key, char *value, size_t len)
{
	size_t klen = strlen(key);
	const char *w = cmdline;

	while (*w != '\0') {
		if (*w == ' ') {
			w++;
			continue;
		}
		size_t n = word_len(w);
		if (n >= klen && strncmp(w, key, klen) == 0 &&
		    (n == klen || w[klen] == '=')) {
			size_t vlen = n > klen ? n - klen - 1 : 0;
			if (vlen + 1 > len)
				return -E2BIG;
			memcpy(value, w + klen + (n > klen), vlen);
			value[vlen] = '\0';
			return 0;
		}
		w += n;
	}
	return -ESRCH;
}

int env_parse_u32(const char *text, uint32_t *value)
{
	uint32_t v = 0, base = 10;

	if (text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
		base = 16;
		text += 2;
	}
	if (*text == '\0')
		return -EINVAL;
	for (; *text != '\0'; text++) {
		uint32_t d;
		if (*text >= '0' && *text <= '9')
			d = (uint32_t)(*text - '0');
		else if (base == 16 && (*text | 0x20) >= 'a' &&
			 (*text | 0x20) <= 'f')
			d = (uint32_t)((*text | 0x20) - 'a' + 10);
		else
			return -EINVAL;
		if (v > (UINT32_MAX - d) / base)
			return -EINVAL;
		v = v * base + d;
	}
	*value = v;
	return 0;
}
