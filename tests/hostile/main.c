/*
 * hostile-link CASE: runs one case against a fresh weston and gpupipe-host
 * (meson runs each case as its own test, in parallel). --list prints the
 * case names; --registered NAME... checks that meson registers exactly the
 * cases there are. Exit status: 0 pass, 1 fail, 77 skip.
 */
#include <stdlib.h>
#include <string.h>

#include "hostile.h"

/* Every table of cases, one per file. */
static const struct {
	const struct hl_case *cases;
	const size_t *count;
} tables[] = {
        {hl_link_cases, &hl_link_case_count},
        {hl_shm_cases, &hl_shm_case_count},
        {hl_gl_cases, &hl_gl_case_count},
        {hl_quota_cases, &hl_quota_case_count},
        {hl_es3_cases, &hl_es3_case_count},
        {hl_indirect_cases, &hl_indirect_case_count},
        {hl_geotess_cases, &hl_geotess_case_count},
        {hl_es32_cases, &hl_es32_case_count},
        {hl_debug_cases, &hl_debug_case_count},
        {hl_views_cases, &hl_views_case_count},
        {hl_dsa_cases, &hl_dsa_case_count},
        {hl_es1fbo_cases, &hl_es1fbo_case_count},
        {hl_bufstore_cases, &hl_bufstore_case_count},
        {hl_shared_cases, &hl_shared_case_count},
        {hl_shaders_cases, &hl_shaders_case_count},
        {hl_ext_commands_cases, &hl_ext_commands_case_count},
        {hl_gl_core_cases, &hl_gl_core_case_count},
        {hl_core4_cases, &hl_core4_case_count},
        {hl_gl3_cases, &hl_gl3_case_count},
        {hl_gl4_rest_cases, &hl_gl4_rest_case_count},
        {hl_compat_ff_cases, &hl_compat_ff_case_count},
        {hl_xfb_draw_cases, &hl_xfb_draw_case_count},
        {hl_multi_draw_cases, &hl_multi_draw_case_count},
        {hl_compat_arrays_cases, &hl_compat_arrays_case_count},
        {hl_compat_ls_cases, &hl_compat_ls_case_count},
        {hl_arb_program_cases, &hl_arb_program_case_count},
        {hl_compat_lists_compressed_cases, &hl_compat_lists_compressed_case_count},
        {hl_compat_quota_cases, &hl_compat_quota_case_count},
};
const char *hl_skip_reason;

#define N_TABLES (sizeof(tables) / sizeof(tables[0]))

static const struct hl_case *find_case(const char *name)
{
	for (size_t t = 0; t < N_TABLES; t++) {
		for (size_t i = 0; i < *tables[t].count; i++) {
			if (strcmp(tables[t].cases[i].name, name) == 0)
				return &tables[t].cases[i];
		}
	}
	return NULL;
}

/* Every case is among names, and every name is a case. */
static int check_registered(int n, char **names)
{
	int missing = 0;
	for (int i = 0; i < n; i++) {
		if (!find_case(names[i])) {
			fprintf(stderr, "meson registers %s, which is no case\n", names[i]);
			missing++;
		}
	}
	for (size_t t = 0; t < N_TABLES; t++) {
		for (size_t i = 0; i < *tables[t].count; i++) {
			bool found = false;
			for (int j = 0; j < n && !found; j++)
				found = strcmp(names[j], tables[t].cases[i].name) == 0;
			if (!found) {
				fprintf(stderr, "case %s is not registered in meson.build\n",
				        tables[t].cases[i].name);
				missing++;
			}
		}
	}
	return missing ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--registered") == 0)
		return check_registered(argc - 2, argv + 2);
	if (argc == 2 && strcmp(argv[1], "--list") == 0) {
		for (size_t t = 0; t < N_TABLES; t++) {
			for (size_t k = 0; k < *tables[t].count; k++)
				printf("%s\n", tables[t].cases[k].name);
		}
		return 0;
	}
	const struct hl_case *c = argc == 2 ? find_case(argv[1]) : NULL;
	if (!c) {
		fprintf(stderr, "usage: %s CASE | --list\n", argv[0]);
		return 2;
	}

	struct hl_env env;
	int64_t start = hl_now_ms();
	if (c->landing)
		setenv("GPUPIPE_TEST_OFFER_PENDING", "1", 1);
	bool ok = hl_env_start(&env, c->host_args) && c->run(&env);
	if (!ok)
		hl_env_dump_logs(&env);
	ok = hl_env_stop(&env) && ok;
	if (ok && hl_skip_reason) {
		printf("SKIP: %s\n", hl_skip_reason);
		return 77;
	}
	fprintf(stderr, "%s: %s (%lld ms)\n", c->name, ok ? "ok" : "FAILED",
	        (long long)(hl_now_ms() - start));
	return ok ? 0 : 1;
}
