using System.Reflection;
using System.Text;

namespace SocialWorkStation.Domain.Names;

/// <summary>
/// Toneless pinyin readings of Chinese characters (ü written v, as people type it), from a table
/// generated at development time from the npm package pinyin-pro 3.29.4 (MIT licence, see
/// LICENSE-pinyin-pro.txt beside the table). No .NET pinyin library is available to the project.
/// </summary>
public static class Pinyin
{
    private static readonly Lazy<Table> Data = new(Load);

    private sealed record Table(Dictionary<int, string[]> Readings, Dictionary<int, string> Surname);

    /// <summary>Every reading of a character, the most common first; empty for a character the table lacks.</summary>
    public static IReadOnlyList<string> Readings(Rune c) => Data.Value.Readings.TryGetValue(c.Value, out var r) ? r : [];

    /// <summary>
    /// Readings of a character that begins a name: the surname reading first where it differs from the
    /// common one (单 shan, 曾 zeng, 解 xie), then every other reading, since people are registered under both.
    /// </summary>
    public static IReadOnlyList<string> SurnameReadings(Rune c)
    {
        var all = Readings(c);
        if (!Data.Value.Surname.TryGetValue(c.Value, out var surname))
        {
            return all;
        }
        return [surname, .. all.Where(r => r != surname)];
    }

    public static bool IsHan(Rune c) => c.Value is >= 0x3400 and <= 0x4DBF or >= 0x4E00 and <= 0x9FFF or >= 0x20000 and <= 0x3134F;

    private static Table Load()
    {
        using var stream = typeof(Pinyin).Assembly.GetManifestResourceStream("pinyin-readings.txt")
            ?? throw new InvalidOperationException("pinyin-readings.txt is not embedded in the Domain assembly");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var readings = new Dictionary<int, string[]>(21000);
        var surname = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var parts = line.Split('\t');
            var rune = Rune.GetRuneAt(parts[0], 0).Value;
            readings[rune] = parts[1].Split(' ');
            if (parts.Length > 2)
            {
                surname[rune] = parts[2];
            }
        }
        return new Table(readings, surname);
    }
}
