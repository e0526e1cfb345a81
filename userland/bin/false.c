/* false: do nothing, unsuccessfully (exit status 1). Arguments are ignored, as in coreutils. */
int main(void) {
    return 1;
}
