using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Archives;

/// <summary>
/// The five kinds of content an archive covers (Ledong 六、（三）: 行政、财务、人事、服务、评估), each with the two-letter
/// code used in the archive number (档号, platform rule: <see cref="ArchiveCode"/>).
/// </summary>
public enum ArchiveCategory { Administrative = 1, Financial = 2, Personnel = 3, Service = 4, Evaluation = 5 }

/// <summary>Where the archive's copies are: electronic (files attached), paper (kept at a stated place) or both (Ledong 六、（三）: 电子、纸质等形式).</summary>
public enum ArchiveCarrier { Electronic = 1, Paper = 2, Both = 3 }

public static class ArchiveCategories
{
    public static readonly IReadOnlyList<ArchiveCategory> All = Enum.GetValues<ArchiveCategory>();

    /// <summary>The code in the archive number: WS 文书（行政）, CW 财务, RS 人事, FW 服务, PG 评估 (pinyin initials, 平台默认).</summary>
    public static string Code(ArchiveCategory c) => c switch
    {
        ArchiveCategory.Administrative => "WS",
        ArchiveCategory.Financial => "CW",
        ArchiveCategory.Personnel => "RS",
        ArchiveCategory.Service => "FW",
        ArchiveCategory.Evaluation => "PG",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static string Chinese(ArchiveCategory c) => c switch
    {
        ArchiveCategory.Administrative => "文书（行政）",
        ArchiveCategory.Financial => "财务",
        ArchiveCategory.Personnel => "人事",
        ArchiveCategory.Service => "服务",
        ArchiveCategory.Evaluation => "评估",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    public static string ToApi(ArchiveCategory c) => c switch
    {
        ArchiveCategory.Administrative => "administrative",
        ArchiveCategory.Financial => "financial",
        ArchiveCategory.Personnel => "personnel",
        ArchiveCategory.Service => "service",
        ArchiveCategory.Evaluation => "evaluation",
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>The API name, the Chinese name or the code; null when none matches.</summary>
    public static ArchiveCategory? Parse(string? s)
    {
        var t = s?.Trim();
        return string.IsNullOrEmpty(t) ? null : All.Cast<ArchiveCategory?>().FirstOrDefault(c => ToApi(c!.Value) == t || Chinese(c!.Value) == t || Code(c!.Value) == t.ToUpperInvariant());
    }
}

public static class ArchiveCarriers
{
    public static string ToApi(ArchiveCarrier c) => c switch { ArchiveCarrier.Electronic => "electronic", ArchiveCarrier.Paper => "paper", _ => "both" };
    public static string Chinese(ArchiveCarrier c) => c switch { ArchiveCarrier.Electronic => "电子", ArchiveCarrier.Paper => "纸质", _ => "电子和纸质" };
    public static ArchiveCarrier? Parse(string? s) => s?.Trim() switch
    {
        "electronic" or "电子" => ArchiveCarrier.Electronic,
        "paper" or "纸质" => ArchiveCarrier.Paper,
        "both" or "电子和纸质" => ArchiveCarrier.Both,
        _ => null,
    };
    public static bool HasPaper(ArchiveCarrier c) => c is ArchiveCarrier.Paper or ArchiveCarrier.Both;
}

/// <summary>
/// The archive number (档号). Shenmu 第二十三条 asks for 统一编码 and names no scheme: the platform's rule (平台默认) is
/// <c>站点区划代码-类别代码-年度-四位顺序号</c>, e.g. <c>469030100-FW-2026-0007</c>; the sequence runs per station,
/// category and year from 0001.
/// </summary>
public static class ArchiveCode
{
    public const string Source = "平台默认（神木第二十三条要求“统一编码”，未规定编码规则）";

    public static string Format(string stationCode, ArchiveCategory category, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 9999);
        return $"{stationCode}-{ArchiveCategories.Code(category)}-{year:0000}-{sequence:0000}";
    }
}

/// <summary>
/// Retention (保管期限): counted in whole years from 1 January after the archive's year (the usual archival practice,
/// 平台默认), so an archive of <c>year</c> kept <c>years</c> is kept up to and including 31 December of
/// <c>year + years</c>; destruction is possible from the day after.
/// </summary>
public static class ArchiveRetention
{
    public static DateOnly LastDay(int year, int years) => new(year + years, 12, 31);

    /// <summary>Whether the retention has ended on <paramref name="day"/> (the last day of retention itself is still inside it).</summary>
    public static bool Ended(int year, int years, DateOnly day) => day > LastDay(year, years);
}

/// <summary>A loan (借阅) is overdue after its due day: returned after it, or not returned and today is past it. The due day itself is on time.</summary>
public static class ArchiveLoans
{
    public static bool Overdue(DateOnly dueOn, DateOnly? returnedOn, DateOnly today) => (returnedOn ?? today) > dueOn;
}

/// <summary>
/// A profile's rules for the station's books (docs/requirements/books.md). Absent: <see cref="Default"/>.
/// </summary>
public sealed record BookRules
{
    /// <summary>The fewest years an archive is kept (Shenmu 第二十三条: 服务项目档案至少保存3年).</summary>
    public Sourced<int>? ArchiveRetentionYears { get; init; }

    public static readonly Sourced<int> DefaultRetention = new(3, "平台默认（文件未规定保管期限）",
        "档案至少保存3年（取神木第二十三条的年限作为平台默认），自档案形成年度的次年1月1日起算；站点可为单份档案定更长的期限。");

    public Sourced<int> Retention => ArchiveRetentionYears ?? DefaultRetention;
}

public static class BookRulesValidation
{
    public static IEnumerable<(string Field, string Problem)> Problems(BookRules r)
    {
        if (r.ArchiveRetentionYears is { } y)
        {
            if (y.Value is < 1 or > 100) yield return ("books.archiveRetentionYears", "应在1到100年之间");
            if (string.IsNullOrWhiteSpace(y.Source)) yield return ("books.archiveRetentionYears.source", "须注明出处");
        }
    }
}
