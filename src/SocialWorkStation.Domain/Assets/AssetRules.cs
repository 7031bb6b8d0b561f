namespace SocialWorkStation.Domain.Assets;

/// <summary>What a check-up (盘点, Shenmu 第二十二条) found of one asset.</summary>
public enum CheckResult { Found = 1, Missing = 2, Damaged = 3 }

public static class CheckResults
{
    public static string ToApi(CheckResult r) => r switch { CheckResult.Found => "found", CheckResult.Missing => "missing", _ => "damaged" };
    public static string Chinese(CheckResult r) => r switch { CheckResult.Found => "在用完好", CheckResult.Missing => "盘亏（未找到）", _ => "损坏" };
    public static CheckResult? Parse(string? s) => s?.Trim() switch
    {
        "found" or "在用完好" => CheckResult.Found,
        "missing" or "盘亏" => CheckResult.Missing,
        "damaged" or "损坏" => CheckResult.Damaged,
        _ => null,
    };
}

/// <summary>The pure rules of the fixed-asset register (docs/requirements/books.md §2).</summary>
public static class AssetRules
{
    /// <summary>Shenmu 第二十二条: 对固定资产进行盘点并登记造册; Wenzhou 六（二）1: 资产使用和管理制度.</summary>
    public const string Source = "神木 第二十二条（对固定资产进行盘点并登记造册）";

    /// <summary>A value in yuan: not negative, at most 2 decimals, below 100 million.</summary>
    public static string? ValueProblem(decimal value) =>
        value < 0 ? "原值不能为负数" : decimal.Round(value, 2) != value ? "原值最多保留两位小数（元）" : value >= 100_000_000m ? "原值应小于1亿元" : null;

    /// <summary>An asset is in the register on a day when acquired on or before it and not disposed before it.</summary>
    public static bool InRegister(DateOnly acquiredOn, DateOnly? disposedOn, DateOnly day) => acquiredOn <= day && (disposedOn is null || disposedOn >= day);

    /// <summary>Disposal not before acquisition nor after today.</summary>
    public static string? DisposalProblem(DateOnly acquiredOn, DateOnly disposedOn, DateOnly today) =>
        disposedOn < acquiredOn ? "处置日期不能早于购置日期" : disposedOn > today ? "处置日期不能晚于今天" : null;
}
