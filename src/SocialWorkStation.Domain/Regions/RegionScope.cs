namespace SocialWorkStation.Domain.Regions;

/// <summary>
/// GB/T 2260 codes nest: a township code begins with its county's six digits, a county's with its
/// city's four, a city's with its province's two. So "inside a region" is a code prefix, which the
/// database answers from an index (LIKE 'prefix%').
/// </summary>
public static class RegionScope
{
    public static string Prefix(string code, RegionLevel level) => level switch
    {
        RegionLevel.Province => code[..2],
        RegionLevel.City => code[..4],
        RegionLevel.County => code[..6],
        RegionLevel.Township => code[..9],
        RegionLevel.Village => code,
        _ => code,
    };

    /// <summary>The level a code denotes, from its form (6 digits ending 0000 = province, 00 = city).</summary>
    public static RegionLevel? LevelOf(string code)
    {
        if (!code.All(char.IsAsciiDigit))
        {
            return null;
        }
        return code.Length switch
        {
            6 when code.EndsWith("0000", StringComparison.Ordinal) => RegionLevel.Province,
            6 when code.EndsWith("00", StringComparison.Ordinal) => RegionLevel.City,
            6 => RegionLevel.County,
            9 => RegionLevel.Township,
            12 => RegionLevel.Village,
            _ => null,
        };
    }

    public static bool Contains(string scopeCode, RegionLevel scopeLevel, string code) =>
        code.StartsWith(Prefix(scopeCode, scopeLevel), StringComparison.Ordinal);
}
