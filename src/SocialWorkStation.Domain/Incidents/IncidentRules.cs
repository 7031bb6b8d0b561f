using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Incidents;

/// <summary>How serious an incident is (一般、较重、严重).</summary>
public enum IncidentSeverity { Minor = 1, Serious = 2, Critical = 3 }

/// <summary>What an urgent report is about: a medical need (就诊或住院) or anything else that cannot wait.</summary>
public enum UrgentNeed { Medical = 1, Other = 2 }

/// <summary>Who an urgent report goes to.</summary>
public enum UrgentReceiver { Township = 1, CountyBureau = 2 }

/// <summary>
/// One reporting route a document sets: a need of a person of one of the categories goes to the receiver at once
/// (Qiongzhong（3）（二）1: 特困人员需要就诊或住院的……及时报告乡镇人民政府).
/// </summary>
/// <param name="Categories">Recipient categories in their API names (tekunInstitution, tekunDispersed …); empty: anyone.</param>
public sealed record UrgentRoute(UrgentNeed Need, IReadOnlyList<string> Categories, UrgentReceiver To);

/// <summary>
/// A profile's rules for incidents and urgent reports (docs/requirements/incidents.md). Absent: an urgent report goes to
/// the township (platform default, stated as such), and no county documents are asked for.
/// </summary>
public sealed record IncidentRules
{
    /// <summary>The routes the document sets for urgent reports.</summary>
    public Sourced<UrgentRoute[]>? UrgentRoutes { get; init; }
    /// <summary>Documents the county must adopt (Hunan 八（二）: 退出机制、应急预案).</summary>
    public Sourced<string[]>? CountyDocuments { get; init; }

    public static readonly Sourced<UrgentReceiver> DefaultReceiver = new(UrgentReceiver.Township, "平台默认（文件未规定报告路径）",
        "紧急情况报告所在乡镇（街道）人民政府，由乡镇干部在平台上确认收到。");
}

/// <summary>The route an urgent report takes, with the clause it comes from.</summary>
public sealed record UrgentRouting(UrgentReceiver To, string Source, string? Interpretation, bool FromDocument);

public static class IncidentRulesValidation
{
    public static IEnumerable<(string Field, string Problem)> Problems(IncidentRules r)
    {
        if (r.UrgentRoutes is { } routes)
        {
            if (string.IsNullOrWhiteSpace(routes.Source)) yield return ("incidents.urgentRoutes.source", "须注明出处");
            if (routes.Value.Length == 0) yield return ("incidents.urgentRoutes", "至少一条报告路径");
            foreach (var route in routes.Value)
            {
                if (!Enum.IsDefined(route.Need)) yield return ("incidents.urgentRoutes.need", "应为 medical 或 other");
                if (!Enum.IsDefined(route.To)) yield return ("incidents.urgentRoutes.to", "应为 township 或 countyBureau");
                if (route.Categories.Any(c => Recipients.RecipientCategories.FromApi(c) is null)) yield return ("incidents.urgentRoutes.categories", "服务对象类别不存在");
            }
        }
        if (r.CountyDocuments is { } docs)
        {
            if (string.IsNullOrWhiteSpace(docs.Source)) yield return ("incidents.countyDocuments.source", "须注明出处");
            if (docs.Value.Length == 0 || docs.Value.Any(string.IsNullOrWhiteSpace)) yield return ("incidents.countyDocuments", "文件名称不能为空");
        }
    }
}

/// <summary>Pure rules of incidents and urgent reports.</summary>
public static class IncidentChecks
{
    /// <summary>
    /// The route of an urgent report about a person of <paramref name="categories"/> with <paramref name="need"/>: the first
    /// route of the profile that matches (need and, where the route names categories, one of them), else the platform default.
    /// </summary>
    public static UrgentRouting Route(IncidentRules? rules, UrgentNeed need, IEnumerable<string> categories)
    {
        var held = categories.ToHashSet(StringComparer.Ordinal);
        if (rules?.UrgentRoutes is { } routes
            && routes.Value.FirstOrDefault(r => r.Need == need && (r.Categories.Count == 0 || r.Categories.Any(held.Contains))) is { } match)
        {
            return new UrgentRouting(match.To, routes.Source, routes.Interpretation, true);
        }
        var d = IncidentRules.DefaultReceiver;
        return new UrgentRouting(d.Value, d.Source, d.Interpretation, false);
    }

    /// <summary>The county documents the profile asks for that are not on file (names compared exactly, in the profile's order).</summary>
    public static IReadOnlyList<string> MissingDocuments(IncidentRules? rules, IEnumerable<string> onFile)
    {
        if (rules?.CountyDocuments is not { } required) return [];
        var have = onFile.ToHashSet(StringComparer.Ordinal);
        return required.Value.Where(d => !have.Contains(d)).ToList();
    }

    /// <summary>A closure needs its date on or after the day the incident happened.</summary>
    public static bool ClosureDateValid(DateOnly occurredOn, DateOnly closedOn) => closedOn >= occurredOn;
}

public static class IncidentLabels
{
    public static string Severity(IncidentSeverity s) => s switch { IncidentSeverity.Minor => "一般", IncidentSeverity.Serious => "较重", _ => "严重" };
    public static string Need(UrgentNeed n) => n == UrgentNeed.Medical ? "就诊或住院" : "其他紧急情况";
    public static string Receiver(UrgentReceiver r) => r == UrgentReceiver.Township ? "乡镇（街道）人民政府" : "县（市、区）民政局";
}
