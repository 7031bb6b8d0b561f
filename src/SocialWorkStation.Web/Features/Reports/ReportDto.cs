using System.Security.Claims;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Reports;

namespace SocialWorkStation.Web.Features.Reports;

public sealed record ReportEventDto(string Action, string ActionText, string By, DateTime At, string? Comments);

/// <summary>A report as the API shows it; <see cref="Content"/> is live while a draft and frozen once submitted.</summary>
public sealed record ReportDto(
    Guid Id, string Kind, string KindName, string ProfileKey, string Period, string PeriodLabel, string From, string To,
    Guid? StationId, string RegionCode, string Writer, string Title, string Status, string StatusText, int Revision, Guid? PreviousId,
    Guid? SupersededById, string DueOn, bool Overdue, bool? FiledLate, string? Highlights, string? Problems, string? NextPlan,
    DateTime? SubmittedAt, string? SubmittedBy, DateTime? AcceptedAt, string? AcceptedBy, string? ReturnComments, string? FileSha256,
    bool Frozen, bool MayWrite, bool MayReview, int Version, IReadOnlyList<ReportEventDto> Events, ReportContent? Content);

/// <summary>A report in a list.</summary>
public sealed record ReportListItem(Guid Id, string Kind, string KindName, string Period, string PeriodLabel, Guid? StationId, string RegionCode,
    string Title, string Status, string StatusText, int Revision, string DueOn, bool Overdue, bool? FiledLate, DateTime? SubmittedAt, int Version);

public sealed record ReportInput(string? Kind, string? Period, Guid? StationId, string? RegionCode);

public sealed record ReportTextInput(string? Highlights, string? Problems, string? NextPlan, int? Version);

public sealed record ReportActionInput(int? Version, string? Comments);

public static class ReportLabels
{
    public static string Status(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "draft",
        ReportStatus.Submitted => "submitted",
        ReportStatus.Returned => "returned",
        _ => "accepted",
    };

    public static string StatusText(ReportStatus s) => s switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "已报送待审核",
        ReportStatus.Returned => "已退回修改",
        _ => "已接收（锁定）",
    };

    public static string Action(string action) => action switch
    {
        "created" => "起草",
        "submitted" => "报送",
        "resubmitted" => "修改后重新报送",
        "returned" => "退回修改",
        "accepted" => "接收",
        "corrected" => "发起更正（新版本）",
        _ => action,
    };

    public static string KindName(PolicyProfile? profile, string key) => profile?.Reports?.Find(key)?.Name ?? key;

    public static bool Overdue(Report r, DateOnly today) => r.Status is ReportStatus.Draft or ReportStatus.Returned && today > r.DueOn;

    public static ReportListItem Item(Report r, PolicyProfile? profile, DateOnly today)
    {
        var kind = profile?.Reports?.Find(r.KindKey);
        return new ReportListItem(r.Id, r.KindKey, kind?.Name ?? r.KindKey, r.PeriodKey,
            kind is null ? r.PeriodKey : ReportPeriod.Parse(kind.Frequency, r.PeriodKey)?.Label ?? r.PeriodKey, r.StationId, r.RegionCode, r.Title,
            Status(r.Status), StatusText(r.Status), r.Revision, r.DueOn.ToString("yyyy-MM-dd"), Overdue(r, today), r.FiledLate, r.SubmittedAt, r.Version);
    }

    public static ReportDto Dto(Report r, PolicyProfile? profile, string writer, DateOnly today, ClaimsPrincipal user, ReportContent? content)
    {
        var item = Item(r, profile, today);
        return new ReportDto(r.Id, r.KindKey, item.KindName, r.ProfileKey, r.PeriodKey, item.PeriodLabel, r.PeriodFrom.ToString("yyyy-MM-dd"),
            r.PeriodTo.ToString("yyyy-MM-dd"), r.StationId, r.RegionCode, writer, r.Title, item.Status, item.StatusText, r.Revision, r.PreviousId,
            r.SupersededById, item.DueOn, item.Overdue, r.FiledLate, r.Highlights, r.Problems, r.NextPlan, r.SubmittedAt, r.SubmittedBy,
            r.AcceptedAt, r.AcceptedBy, r.ReturnComments, r.FileSha256, r.FiguresJson is not null,
            r.Status is ReportStatus.Draft or ReportStatus.Returned && ReportOwners.MayWrite(user, r),
            r.Status == ReportStatus.Submitted && ReportOwners.MayReview(user, r), r.Version,
            r.Events.OrderBy(e => e.At).Select(e => new ReportEventDto(e.Action, Action(e.Action), e.By, e.At, e.Comments)).ToList(), content);
    }
}
