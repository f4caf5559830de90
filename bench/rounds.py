"""Numbers from wrk rounds.

    python3 bench/rounds.py parse < WRK_OUTPUT     -> "req/s p50_ms p99_ms" of one wrk run (fails on a non-2xx answer)
    python3 bench/rounds.py summary ROUNDS         -> "req/s p50_ms p99_ms min_req/s max_req/s": the round with the
                                                      median rate, and the range of all rounds
    python3 bench/rounds.py ratio ROUNDS_A ROUNDS_B [SCALE]
                                                   -> median over the rounds of SCALE * rate A / rate B, round i of A
                                                      paired with round i of B (measured one after the other)

A ROUNDS file holds one "req/s p50_ms p99_ms" line per round, in the order the rounds ran.
"""
import re
import statistics
import sys


def parse(text):
    errors = re.search(r'Non-2xx or 3xx responses: (\d+)', text)
    if errors:
        sys.exit('unexpected non-2xx answers: ' + errors.group(1) + '\n' + text)

    def ms(percentile):
        m = re.search(r'^\s*' + percentile + r'%\s+([\d.]+)(us|ms|s)\s*$', text, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value / 1000 if unit == 'us' else value * 1000 if unit == 's' else value

    rate = float(re.search(r'Requests/sec:\s+([\d.]+)', text).group(1))
    return f'{rate:.0f} {ms("50"):.2f} {ms("99"):.2f}'


def rounds(path):
    return [line.split() for line in open(path) if line.strip()]


def main():
    command = sys.argv[1]
    if command == 'parse':
        print(parse(sys.stdin.read()))
    elif command == 'summary':
        runs = sorted(rounds(sys.argv[2]), key=lambda run: float(run[0]))
        rates = [run[0] for run in runs]
        print(' '.join(runs[(len(runs) - 1) // 2] + [rates[0], rates[-1]]))
    elif command == 'ratio':
        a, b = rounds(sys.argv[2]), rounds(sys.argv[3])
        scale = float(sys.argv[4]) if len(sys.argv) > 4 else 1
        print(f'{statistics.median(scale * float(x[0]) / float(y[0]) for x, y in zip(a, b)):.2f}')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
