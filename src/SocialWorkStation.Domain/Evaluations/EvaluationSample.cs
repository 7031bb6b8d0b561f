namespace SocialWorkStation.Domain.Evaluations;

/// <summary>
/// The reproducible random sample of recipient files for file review (docs/requirements/evaluation.md §5): the
/// candidates are ordered by id, a SplitMix64 generator seeded with the recorded seed drives a partial Fisher–Yates
/// shuffle, and the first n are taken. The same seed and candidates give the same sample on any machine and runtime.
/// </summary>
public static class EvaluationSample
{
    /// <summary>How many files: the share of the count rounded up, at least Min and at most Max, never more than there are.</summary>
    public static int SizeFor(SampleRule rule, int count)
    {
        if (count <= 0) return 0;
        var n = (int)Math.Ceiling(count * rule.Share);
        n = Math.Clamp(n, rule.Min, rule.Max);
        return Math.Min(n, count);
    }

    public static IReadOnlyList<Guid> Draw(long seed, IEnumerable<Guid> candidates, SampleRule rule)
    {
        var list = candidates.Distinct().OrderBy(g => g.ToString("N"), StringComparer.Ordinal).ToList();
        var n = SizeFor(rule, list.Count);
        var state = unchecked((ulong)seed);
        for (var i = 0; i < n; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(list.Count - i));
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list.Take(n).ToList();
    }

    private static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
