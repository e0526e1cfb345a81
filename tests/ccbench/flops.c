/*
 * Benchmark: double arithmetic. A Mandelbrot set on a grid (multiply, add, compare), pi by
 * the midpoint rule (divide), and a small matrix product of doubles (multiply-add through
 * memory). The checksum combines integer counts with results scaled to integers.
 */
#include "bench_io.h"

static double m[32][32], n[32][32], p[32][32];

int main(int argc, char **argv) {
    long size = size_arg(argc, argv, 200);
    unsigned long checksum = 0;

    long inside = 0;
    for (long y = 0; y < size; y++) {
        for (long x = 0; x < size; x++) {
            double cr = -2.0 + 2.5 * x / size, ci = -1.25 + 2.5 * y / size;
            double zr = 0, zi = 0;
            int k = 0;
            while (k < 64 && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2 * zr * zi + ci;
                zr = t;
                k++;
            }
            if (k == 64) inside++;
            checksum += k;
        }
    }

    long steps = size * 500;
    double h = 1.0 / steps, sum = 0;
    for (long i = 0; i < steps; i++) {
        double x = (i + 0.5) * h;
        sum += 4.0 / (1.0 + x * x);
    }
    checksum = checksum * 31 + (unsigned long) (sum * h * 1e12);

    for (int i = 0; i < 32; i++)
        for (int j = 0; j < 32; j++) {
            m[i][j] = (i + 1) / (double) (j + 2);
            n[i][j] = (i - j) * 0.25 + 1.0 / 3;
        }
    for (long r = 0; r < size / 16 + 1; r++) {
        for (int i = 0; i < 32; i++)
            for (int j = 0; j < 32; j++) {
                double s = 0;
                for (int k = 0; k < 32; k++) s += m[i][k] * n[k][j];
                p[i][j] = s;
            }
        m[r % 32][(r * 7) % 32] += 0.5;
    }
    double trace = 0;
    for (int i = 0; i < 32; i++) trace += p[i][i];
    checksum = checksum * 31 + (unsigned long) (long) (trace * 1000);
    print_result("flops", checksum + (unsigned long) inside);
    return 0;
}
