/* true: do nothing, successfully (exit status 0). Arguments are ignored, as in coreutils. */
int main(void) {
    return 0;
}
