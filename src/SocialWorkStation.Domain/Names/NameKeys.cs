using System.Text;

namespace SocialWorkStation.Domain.Names;

/// <summary>The pinyin forms of a name that a search matches by prefix: initials (zs) and full pinyin (zhangsan).</summary>
public sealed record NameSearchKeys(IReadOnlyList<string> Initials, IReadOnlyList<string> Full)
{
    public IEnumerable<string> All => Initials.Concat(Full).Distinct();
}

/// <summary>
/// Search keys for a name and the rule a query matches by. A social worker types initials (`zs`), full
/// pinyin (`zhangsan`) or the start of it (`zhangs`); each is a prefix of one key. Every reading of a
/// heteronym is kept (单 dan/shan/chan, 曾 ceng/zeng), because the register cannot know which one the
/// family uses. The keys are stored precomputed, so the database answers with an index range scan.
/// </summary>
public static class NameKeys
{
    /// <summary>At most this many variants of each kind per name; the most likely come first.</summary>
    public const int MaxVariants = 16;
    public const int MaxKeyLength = 64;

    public static NameSearchKeys For(string? name)
    {
        var options = new List<IReadOnlyList<string>>();
        var first = true;
        foreach (var rune in (name ?? "").Trim().EnumerateRunes())
        {
            if (Pinyin.IsHan(rune))
            {
                var readings = first ? Pinyin.SurnameReadings(rune) : Pinyin.Readings(rune);
                if (readings.Count > 0)
                {
                    options.Add(readings);
                }
                first = false;
            }
            else if (rune.IsAscii && Rune.IsLetterOrDigit(rune))
            {
                options.Add([char.ToLowerInvariant((char)rune.Value).ToString()]);
                first = false;
            }
            // Spaces, the middle dot of minority names (阿依·买买提) and punctuation are not typed in a search.
        }
        if (options.Count == 0)
        {
            return new NameSearchKeys([], []);
        }
        var full = Combine(options);
        var initials = Combine(options.Select(o => (IReadOnlyList<string>)o.Select(r => r[..1]).Distinct().ToList()).ToList());
        return new NameSearchKeys(initials, full);
    }

    /// <summary>
    /// The variants, ordered by how far the given name strays from each character's first reading, so
    /// every surname reading and every single heteronym are represented before combinations of two are.
    /// </summary>
    private static List<string> Combine(List<IReadOnlyList<string>> options)
    {
        // Long names with many heteronyms: keep the two likeliest readings of each character.
        var product = options.Aggregate(1L, (p, o) => Math.Min(p * o.Count, long.MaxValue / 8));
        if (product > 4096)
        {
            options = options.Select(o => (IReadOnlyList<string>)o.Take(2).ToList()).ToList();
        }
        var combos = new List<(int Rank, int Order, string Key)>();
        var order = 0;
        void Walk(int i, int rank, string acc)
        {
            if (i == options.Count)
            {
                combos.Add((rank, order++, acc));
                return;
            }
            for (var k = 0; k < options[i].Count; k++)
            {
                // The surname's readings cost nothing: every one of them must be findable (单 dan/shan/chan).
                Walk(i + 1, i == 0 ? rank : rank + k, acc + options[i][k]);
            }
        }
        Walk(0, 0, "");
        return combos.OrderBy(c => c.Rank).ThenBy(c => c.Order)
            .Select(c => c.Key.Length > MaxKeyLength ? c.Key[..MaxKeyLength] : c.Key)
            .Distinct().Take(MaxVariants).ToList();
    }

    /// <summary>
    /// A query in latin letters (spaces and apostrophes ignored, case ignored), as the key prefix to
    /// look up; null when the query is not pinyin.
    /// </summary>
    public static string? PinyinQuery(string? query)
    {
        var s = new StringBuilder();
        foreach (var c in (query ?? "").Trim())
        {
            if (char.IsAsciiLetter(c))
            {
                s.Append(char.ToLowerInvariant(c));
            }
            else if (c is not (' ' or '\'' or '’'))
            {
                return null;
            }
        }
        return s.Length == 0 ? null : s.Length > MaxKeyLength ? s.ToString()[..MaxKeyLength] : s.ToString();
    }

    /// <summary>Whether a query finds a name: its pinyin form is a prefix of one of the name's keys.</summary>
    public static bool Matches(string name, string query)
    {
        var q = PinyinQuery(query);
        if (q is null)
        {
            var text = query.Trim();
            return text.Length > 0 && name.StartsWith(text, StringComparison.Ordinal);
        }
        return For(name).All.Any(k => k.StartsWith(q, StringComparison.Ordinal));
    }

    /// <summary>
    /// The smallest string above every string that starts with <paramref name="prefix"/> (ordinal, i.e. code
    /// point order, as SQLite and PostgreSQL's "C" collation compare), so a prefix search becomes the index
    /// range prefix ≤ key &lt; UpperBound(prefix).
    /// </summary>
    public static string UpperBound(string prefix)
    {
        var runes = prefix.EnumerateRunes().ToList();
        if (runes.Count == 0)
        {
            throw new ArgumentException("empty prefix", nameof(prefix));
        }
        var last = runes[^1].Value + 1;
        if (last is >= 0xD800 and <= 0xDFFF)
        {
            last = 0xE000;
        }
        runes[^1] = new Rune(Math.Min(last, 0x10FFFF));
        return string.Concat(runes.Select(r => r.ToString()));
    }
}
