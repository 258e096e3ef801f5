/* The harness's runner (see sb-test.h). */
#include <dirent.h>
#include <string.h>

#include "sb-test.h"

static int count_open_fds(void)
{
	DIR *dir = opendir("/proc/self/fd");
	if (!dir)
		return -1;
	int n = 0;
	while (readdir(dir))
		n++;
	closedir(dir);
	return n;
}

static bool run_one(const struct sb_test *t)
{
	int before = count_open_fds();
	bool ok = t->run();
	int after = count_open_fds();

	if (ok && before != after) {
		fprintf(stderr, "%s: open fds went from %d to %d (a leak)\n", t->name, before,
		        after);
		ok = false;
	}
	fprintf(stderr, "%s: %s\n", t->name, ok ? "ok" : "FAILED");
	return ok;
}

int sb_test_main(int argc, char **argv, const struct sb_test *tests, size_t count)
{
	bool ok = true;
	bool found = argc < 2;

	for (size_t i = 0; i < count; i++) {
		if (argc >= 2 && strcmp(argv[1], tests[i].name) != 0)
			continue;
		found = true;
		ok = run_one(&tests[i]) && ok;
	}
	if (!found) {
		fprintf(stderr, "no test case named %s\n", argv[1]);
		return 1;
	}
	return ok ? 0 : 1;
}
