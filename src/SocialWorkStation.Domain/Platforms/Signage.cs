using System.Text;
using System.Text.RegularExpressions;

namespace SocialWorkStation.Domain.Platforms;

/// <summary>Names of a platform's region and its ancestors, used to fill a signage format.</summary>
public sealed record RegionNames(string? Province, string? City, string? County, string? Township, string? Village);

/// <summary>
/// Checks a platform name against the profile's signage format (标牌格式). Whitespace is ignored and
/// full-width and half-width brackets are treated alike, because the documents write
/// "琼中县 XX 乡镇社会工作服务站" with spaces that are not part of the sign.
/// </summary>
public static partial class Signage
{
    private static readonly string[] Known = ["province", "city", "county", "township", "village"];

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex PlaceholderRegex();

    public static bool PlaceholdersValid(string format, out string? unknown)
    {
        foreach (Match m in PlaceholderRegex().Matches(format))
        {
            if (!Known.Contains(m.Groups[1].Value))
            {
                unknown = m.Groups[1].Value;
                return false;
            }
        }
        unknown = null;
        return true;
    }

    /// <summary>A format for people to read: {township} becomes 〔乡镇名〕.</summary>
    public static string Describe(string format) => PlaceholderRegex().Replace(format, m => m.Groups[1].Value switch
    {
        "province" => "〔省名〕",
        "city" => "〔市名〕",
        "county" => "〔县名〕",
        "township" => "〔乡镇（街道）名〕",
        "village" => "〔村（社区）名〕",
        _ => m.Value,
    });

    /// <summary>The name the format gives for these regions; unknown parts are left as "XX".</summary>
    public static string Expected(string format, RegionNames names) =>
        Normalize(PlaceholderRegex().Replace(format, m => Name(m.Groups[1].Value, names) ?? "XX"));

    /// <summary>True when <paramref name="name"/> follows <paramref name="format"/> for these regions.</summary>
    public static bool Matches(string name, string format, RegionNames names)
    {
        var pattern = new StringBuilder("^");
        var last = 0;
        var normalizedFormat = Normalize(format);
        foreach (Match m in PlaceholderRegex().Matches(normalizedFormat))
        {
            pattern.Append(Regex.Escape(normalizedFormat[last..m.Index]));
            var value = Name(m.Groups[1].Value, names);
            pattern.Append(value is null ? ".+?" : Regex.Escape(Normalize(value)));
            last = m.Index + m.Length;
        }
        pattern.Append(Regex.Escape(normalizedFormat[last..])).Append('$');
        return Regex.IsMatch(Normalize(name), pattern.ToString(), RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    public static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u3000')
            {
                continue;
            }
            sb.Append(c switch { '(' => '（', ')' => '）', _ => c });
        }
        return sb.ToString();
    }

    private static string? Name(string placeholder, RegionNames n) => placeholder switch
    {
        "province" => n.Province,
        "city" => n.City,
        "county" => n.County,
        "township" => n.Township,
        "village" => n.Village,
        _ => null,
    };
}
