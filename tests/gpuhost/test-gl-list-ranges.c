/*
 * The display list names a share group has charged to the names quota
 * (gpuhost/gl/lists.c): sorted ranges that merge as names are added and
 * split as they are taken out, each add and remove counting exactly the
 * names that changed, so that glNewList outside glGenLists' ranges is
 * charged and glDeleteLists gives back only what was charged. One case per
 * meson test; the program takes the case's name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat-trackers.h"

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);   \
			return false;                                                              \
		}                                                                                  \
	} while (0)

static size_t count(const struct wl_array *a)
{
	return a->size / sizeof(struct gh_gl_list_range);
}

static struct gh_gl_list_range at(const struct wl_array *a, size_t i)
{
	return ((const struct gh_gl_list_range *)a->data)[i];
}

static uint64_t add(struct wl_array *a, uint32_t first, uint32_t n)
{
	uint64_t added = 0;
	if (!gh_gl_list_ranges_add(a, first, n, &added))
		abort();
	return added;
}

static uint64_t take(struct wl_array *a, uint32_t first, uint64_t n)
{
	uint64_t removed = 0;
	if (!gh_gl_list_ranges_remove(a, first, n, &removed))
		abort();
	return removed;
}

/* Adjacent and overlapping ranges merge into one; names already there are not
 * counted again. */
static bool adds_merge_and_count_new_names_only(void)
{
	struct wl_array a;
	wl_array_init(&a);
	CHECK(add(&a, 10, 5) == 5 && count(&a) == 1); /* 10..14 */
	CHECK(add(&a, 20, 5) == 5 && count(&a) == 2); /* 20..24 */
	CHECK(add(&a, 15, 1) == 1 && count(&a) == 2); /* 10..15 touches 10..14 */
	CHECK(add(&a, 12, 12) == 12 - 4 - 4 && count(&a) == 1);
	CHECK(at(&a, 0).first == 10 && at(&a, 0).count == 15);
	CHECK(add(&a, 11, 1) == 0 && count(&a) == 1);
	CHECK(add(&a, 1, 1) == 1 && add(&a, 0xfffffffeu, 1) == 1 && count(&a) == 3);
	CHECK(add(&a, 0xffffffffu, 1) == 1 && at(&a, 2).count == 2);
	CHECK(gh_gl_list_ranges_holds(&a, 1) && !gh_gl_list_ranges_holds(&a, 2));
	CHECK(gh_gl_list_ranges_holds(&a, 24) && !gh_gl_list_ranges_holds(&a, 25));
	CHECK(!gh_gl_list_ranges_holds(&a, 9) && gh_gl_list_ranges_holds(&a, 0xffffffffu));
	wl_array_release(&a);
	return true;
}

/* Removing counts only the names that were there: a range outside gives back
 * nothing, one inside splits it, one across several trims and drops. */
static bool removes_count_only_names_held_and_split(void)
{
	struct wl_array a;
	wl_array_init(&a);
	add(&a, 10, 10); /* 10..19 */
	add(&a, 30, 10); /* 30..39 */
	CHECK(take(&a, 100, 1000) == 0 && take(&a, 0, 10) == 0 && count(&a) == 2);
	CHECK(take(&a, 12, 2) == 2 && count(&a) == 3); /* 10..11, 14..19, 30..39 */
	CHECK(at(&a, 0).first == 10 && at(&a, 0).count == 2);
	CHECK(at(&a, 1).first == 14 && at(&a, 1).count == 6);
	CHECK(!gh_gl_list_ranges_holds(&a, 12) && gh_gl_list_ranges_holds(&a, 14));
	CHECK(take(&a, 11, 25) == 1 + 6 + 6 && count(&a) == 2); /* 10, 36..39 */
	CHECK(at(&a, 0).first == 10 && at(&a, 0).count == 1);
	CHECK(at(&a, 1).first == 36 && at(&a, 1).count == 4);
	CHECK(take(&a, 0, 1ull << 32) == 5 && count(&a) == 0);
	/* Every other name of 1000, as tiny glGenLists and glDeleteLists leave them: a range
	 * per name held, never more. */
	add(&a, 1, 1000);
	for (uint32_t n = 2; n <= 1000; n += 2)
		CHECK(take(&a, n, 1) == 1);
	CHECK(count(&a) == 500);
	CHECK(add(&a, 1, 1000) == 500 && count(&a) == 1);
	wl_array_release(&a);
	return true;
}

static const struct {
	const char *name;
	bool (*run)(void);
} cases[] = {
        {"list_name_adds_merge_and_count_new_names_only", adds_merge_and_count_new_names_only},
        {"list_name_removes_count_only_names_held_and_split",
         removes_count_only_names_held_and_split},
};

int main(int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (argc == 2 && strcmp(argv[1], cases[i].name) == 0)
			return cases[i].run() ? 0 : 1;
	}
	fprintf(stderr, "usage: %s CASE\n", argv[0]);
	return 2;
}
